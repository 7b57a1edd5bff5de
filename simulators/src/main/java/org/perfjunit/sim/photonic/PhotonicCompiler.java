package org.perfjunit.sim.photonic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Compiles a {@link Network} onto MZI meshes as a pipeline of named {@link Pass passes}:
 * {@code parse → tile → svd → decompose → phase_optimization → metrics}.
 *
 * <p>Each linear layer {@code W} ({@code out × in}) is cut into square tiles of
 * {@code k = min(meshSize, max(out, in))} ports (edge tiles zero-padded). Per tile the compiler
 * computes a real SVD {@code W_t = U Σ Vᵀ} (for a {@link Linear#complex complex} layer the
 * {@link ComplexSvd} {@code W_t = U Σ V†}), decomposes {@code Vᵀ} (or {@code V†}) and {@code U} into
 * meshes of {@code k(k−1)/2} MZIs each (real factors on the real-arithmetic fast path, complex ones as
 * general unitaries), and maps {@code Σ} to one attenuator column with an electronic gain. Tiles are independent, so {@code svd} and {@code decompose} run in parallel when the
 * target allows it. Stateless and thread-safe; results are deterministic.
 *
 * <pre>{@code
 * PhotonicCompiler compiler = new PhotonicCompiler(TargetConfig.defaults());
 * CompiledNetwork compiled = compiler.compile(Network.small(42));
 * compiled.report().mziCount();
 * compiled.passNanos().get(Pass.SVD);
 * }</pre>
 */
public final class PhotonicCompiler {

    private final TargetConfig target;
    private final PassListener listener;

    /**
     * A compiler without a pass listener.
     *
     * @param target the hardware target
     */
    public PhotonicCompiler(TargetConfig target) {
        this(target, PassListener.NONE);
    }

    /**
     * A compiler that reports every pass to {@code listener}.
     *
     * @param target   the hardware target
     * @param listener called around each pass, on the calling thread
     */
    public PhotonicCompiler(TargetConfig target, PassListener listener) {
        this.target = java.util.Objects.requireNonNull(target, "target");
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** The target this compiler emits for. */
    public TargetConfig target() {
        return target;
    }

    /**
     * Compiles a network.
     *
     * @param network the model
     * @return the compiled circuit with its report and per-pass timings
     */
    public CompiledNetwork compile(Network network) {
        Map<Pass, Long> nanos = new EnumMap<>(Pass.class);
        List<Linear> linears = new ArrayList<>();
        List<Boolean> relus = new ArrayList<>();
        timed(Pass.PARSE, nanos, () -> parse(network, linears, relus));
        List<TileJob> jobs = new ArrayList<>();
        timed(Pass.TILE, nanos, () -> tile(linears, jobs));
        timed(Pass.SVD, nanos, () -> forEach(jobs, TileJob::svd));
        timed(Pass.DECOMPOSE, nanos, () -> forEach(jobs, job -> job.decompose(target.decomposition())));
        timed(Pass.PHASE_OPTIMIZATION, nanos, () -> forEach(jobs, TileJob::optimizePhases));
        List<CompiledLayer> layers = new ArrayList<>();
        CircuitReport[] report = new CircuitReport[1];
        timed(Pass.METRICS, nanos, () -> {
            layers.addAll(assemble(linears, relus, jobs));
            report[0] = CircuitReport.of(layers, target.device());
        });
        return new CompiledNetwork(network, target, layers, report[0], nanos);
    }

    private void timed(Pass pass, Map<Pass, Long> nanos, Runnable body) {
        listener.passStarted(pass);
        long start = System.nanoTime();
        body.run();
        long elapsed = System.nanoTime() - start;
        nanos.put(pass, elapsed);
        listener.passFinished(pass, elapsed);
    }

    private static void parse(Network network, List<Linear> linears, List<Boolean> relus) {
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Linear linear) {
                linears.add(linear);
                relus.add(i + 1 < layers.size() && layers.get(i + 1) instanceof Relu);
            } else if (i == 0 || !(layers.get(i - 1) instanceof Linear)) {
                // a ReLU is applied electronically after detection, so it must follow a linear layer
                throw new IllegalArgumentException("layer " + i + " (ReLU) must follow a Linear layer");
            }
        }
    }

    private void tile(List<Linear> linears, List<TileJob> jobs) {
        for (int l = 0; l < linears.size(); l++) {
            Linear linear = linears.get(l);
            int k = Math.min(target.meshSize(), Math.max(2, Math.max(linear.outputs(), linear.inputs())));
            for (int r = 0; r < linear.outputs(); r += k) {
                for (int c = 0; c < linear.inputs(); c += k) {
                    TileJob job = new TileJob(l, r, c, Math.min(k, linear.outputs() - r),
                            Math.min(k, linear.inputs() - c), k);
                    job.cut(linear);
                    jobs.add(job);
                }
            }
        }
    }

    private void forEach(List<TileJob> jobs, Consumer<TileJob> work) {
        IntStream indices = IntStream.range(0, jobs.size());
        (target.parallel() ? indices.parallel() : indices).forEach(i -> work.accept(jobs.get(i)));
    }

    private static List<CompiledLayer> assemble(List<Linear> linears, List<Boolean> relus, List<TileJob> jobs) {
        List<List<CompiledTile>> tiles = new ArrayList<>();
        for (int l = 0; l < linears.size(); l++) {
            tiles.add(new ArrayList<>());
        }
        for (TileJob job : jobs) {
            tiles.get(job.layer).add(job.toCompiled());
        }
        List<CompiledLayer> layers = new ArrayList<>();
        for (int l = 0; l < linears.size(); l++) {
            layers.add(new CompiledLayer(linears.get(l), relus.get(l), tiles.get(l)));
        }
        return layers;
    }
}
