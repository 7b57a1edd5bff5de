package org.perfjunit.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GPU energy from {@code nvidia-smi --query-gpu=total_energy_consumption}: the driver's
 * cumulative energy counter in millijoules (Volta and newer GPUs), read at start and stop and
 * summed over all GPUs. Each read starts a process (tens of milliseconds), so use it for
 * operations that run for seconds. Available only when {@code nvidia-smi} runs and reports a
 * number for every GPU. Thread-safe.
 */
public final class NvidiaSmiEnergyMeter implements EnergyMeter {

    static final List<String> QUERY = List.of("nvidia-smi", "--query-gpu=total_energy_consumption",
            "--format=csv,noheader,nounits");

    private final CommandRunner runner;

    /** Runs the real {@code nvidia-smi} from the {@code PATH}. */
    public NvidiaSmiEnergyMeter() {
        this(NvidiaSmiEnergyMeter::runProcess);
    }

    NvidiaSmiEnergyMeter(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public String name() {
        return "nvidia-smi";
    }

    @Override
    public Availability probe() {
        try {
            double mj = readMillijoules();
            return Availability.available("total_energy_consumption " + mj + " mJ");
        } catch (IOException e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    @Override
    public EnergyReading start() {
        double before = readOrThrow();
        return () -> Math.max(0, readOrThrow() - before) / 1000.0;
    }

    private double readOrThrow() {
        try {
            return readMillijoules();
        } catch (IOException e) {
            throw new EnergyMeterException("nvidia-smi: " + e.getMessage(), e);
        }
    }

    /** Sums the per-GPU counters; a GPU answering [N/A] makes the meter unusable. */
    private double readMillijoules() throws IOException {
        String out = runner.run(QUERY).trim();
        if (out.isEmpty()) {
            throw new IOException("nvidia-smi reported no GPU");
        }
        double sum = 0;
        for (String line : out.split("\\R")) {
            try {
                sum += Double.parseDouble(line.trim());
            } catch (NumberFormatException e) {
                throw new IOException("nvidia-smi total_energy_consumption unsupported (got [" + line.trim() + "])", e);
            }
        }
        return sum;
    }

    private static String runProcess(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " not found", e);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command.get(0) + " exited with " + process.exitValue() + ": " + out.trim());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted", e);
        }
    }
}
