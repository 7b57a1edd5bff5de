package org.perfjunit.examples.codegen;

import org.perfjunit.sim.photonic.CompiledNetwork;
import org.perfjunit.sim.photonic.Network;
import org.perfjunit.sim.photonic.PhotonicCompiler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * holo-code-gen's "caching and memoization" strategy: compiled circuits keyed by the network
 * (a record of layers with value equality), so compiling the same network twice costs a lookup.
 */
final class CompilationCache {

    private final PhotonicCompiler compiler;
    private final Map<Network, CompiledNetwork> compiled = new ConcurrentHashMap<>();

    CompilationCache(PhotonicCompiler compiler) {
        this.compiler = compiler;
    }

    CompiledNetwork compile(Network network) {
        return compiled.computeIfAbsent(network, compiler::compile);
    }
}
