/**
 * What the machine offers, JUnit-free: the two {@link java.util.ServiceLoader} SPIs,
 * {@link org.perfjunit.machine.EnergyMeter} (RAPL, nvidia-smi) and {@link org.perfjunit.machine.HardwareProbe}
 * (CUDA, CPU features, RAPL, cores and memory). Implement an SPI and list it in
 * {@code META-INF/services/org.perfjunit.machine.EnergyMeter} or {@code ...HardwareProbe}.
 *
 * <p>May import: {@code model}. The SPIs are API; the built-in meters and probes are not.
 */
package org.perfjunit.machine;
