/**
 * Loihi-style spiking inference: a real, deterministic workload for perf-junit's example suites.
 *
 * <ul>
 *   <li>{@link org.perfjunit.sim.spiking.LifFloat} and {@link org.perfjunit.sim.spiking.LifFixed}:
 *       current-based LIF neurons with the update equations of Lava's {@code LIF} process
 *       (floating point and Loihi bit-accurate fixed point), wired by
 *       {@link org.perfjunit.sim.spiking.DenseFloat} / {@link org.perfjunit.sim.spiking.DenseFixed}
 *       synapses with a one-step delay.</li>
 *   <li>{@link org.perfjunit.sim.spiking.SgdTrainer} trains a ReLU {@link org.perfjunit.sim.spiking.Mlp}
 *       on {@link org.perfjunit.sim.spiking.SyntheticDigits}; {@link org.perfjunit.sim.spiking.AnnToSnnConverter}
 *       turns it into a {@link org.perfjunit.sim.spiking.SpikingMlp} (threshold balancing, reset by subtraction).</li>
 *   <li>{@link org.perfjunit.sim.spiking.LoihiCompiler} maps a network onto a {@link org.perfjunit.sim.spiking.ChipConfig};
 *       {@link org.perfjunit.sim.spiking.EnergyModel} turns measured activity into energy and latency per inference
 *       (Davies et al. 2018) and compares with a MAC accelerator (Horowitz 2014).</li>
 *   <li>{@link org.perfjunit.sim.spiking.SpikingSelfAttention}: a Spikformer-style attention block without softmax.</li>
 *   <li>{@link org.perfjunit.sim.spiking.ReferenceNetworks}: the "small reference network" of the benchmarks.</li>
 * </ul>
 * Everything is deterministic given a seed. No hardware is involved: all energy and latency
 * figures are model estimates from published per-operation costs.
 */
package org.perfjunit.sim.spiking;
