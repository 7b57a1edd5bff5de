package org.perfjunit.sim.photonic;

import java.util.SplittableRandom;

/**
 * The phases the thermo-optic heaters of one {@link CompiledTile} hold, in the convention derived in
 * {@link HeaterConvention}: per MZI of both meshes an internal heater {@code π − 2θ} and an external
 * heater, the output column of the input mesh, and one internal heater per Σ attenuator
 * ({@code 2·asin(σ_i/σ_max)}). Every setting is wrapped to {@code [0, 2π)}. The output mesh's output
 * phases are not heaters: the compiler moves them into the detector references, which are set
 * electronically, as are the phases the couplers leave on that mesh's outputs.
 *
 * <pre>{@code
 * double watts = TileHeaters.of(tile).totalPhase() / Math.PI * device.piPhasePowerW();
 * }</pre>
 */
public final class TileHeaters {

    private final CompiledTile tile;
    private final double[] inputInternal;
    private final double[] inputExternal;
    private final double[] inputOutputs;
    private final double[] attenuators;
    private final double[] outputInternal;
    private final double[] outputExternal;
    // phases left on the output mesh's outputs, absorbed by the detector references (no heater)
    private final double[] detectorOffsets;

    private TileHeaters(CompiledTile tile, double[] inputInternal, double[] inputExternal, double[] inputOutputs,
                        double[] attenuators, double[] outputInternal, double[] outputExternal,
                        double[] detectorOffsets) {
        this.tile = tile;
        this.inputInternal = inputInternal;
        this.inputExternal = inputExternal;
        this.inputOutputs = inputOutputs;
        this.attenuators = attenuators;
        this.outputInternal = outputInternal;
        this.outputExternal = outputExternal;
        this.detectorOffsets = detectorOffsets;
    }

    /**
     * The heater settings that realise a compiled tile.
     *
     * @param tile the tile
     * @return its heaters
     */
    public static TileHeaters of(CompiledTile tile) {
        int n = tile.size();
        MziMesh in = tile.inputMesh();
        MziMesh out = tile.outputMesh();
        double[] pending = new double[n];
        double[] inInternal = new double[in.mziCount()];
        double[] inExternal = new double[in.mziCount()];
        HeaterConvention.toHeaters(in, pending, inInternal, inExternal);
        double[] inOutputs = new double[n];
        double[] attenuators = new double[n];
        for (int j = 0; j < n; j++) {
            inOutputs[j] = HeaterConvention.wrap(in.outputPhase(j) + pending[j]);
            attenuators[j] = HeaterConvention.attenuatorPhase(tile.attenuation(j));
            // the output mesh's heaters undo the phase each attenuator adds
            pending[j] = -HeaterConvention.attenuatorDelay(attenuators[j]);
        }
        double[] outInternal = new double[out.mziCount()];
        double[] outExternal = new double[out.mziCount()];
        HeaterConvention.toHeaters(out, pending, outInternal, outExternal);
        return new TileHeaters(tile, inInternal, inExternal, inOutputs, attenuators, outInternal, outExternal,
                pending);
    }

    /**
     * Sum of every heater's phase of a tile, radians, as {@code of(tile).totalPhase()} but without
     * keeping the settings (one array of {@code tile.size()} doubles).
     *
     * @param tile the tile
     * @return the sum
     */
    public static double totalPhase(CompiledTile tile) {
        int n = tile.size();
        MziMesh in = tile.inputMesh();
        double[] pending = new double[n];
        double sum = HeaterConvention.heaterPhaseSum(in, pending);
        for (int j = 0; j < n; j++) {
            double attenuator = HeaterConvention.attenuatorPhase(tile.attenuation(j));
            sum += HeaterConvention.wrap(in.outputPhase(j) + pending[j]) + attenuator;
            pending[j] = -HeaterConvention.attenuatorDelay(attenuator);
        }
        return sum + HeaterConvention.heaterPhaseSum(tile.outputMesh(), pending);
    }

    /** Number of heaters: two per MZI, one per input-mesh output and one per attenuator. */
    public int count() {
        return 2 * (inputInternal.length + outputInternal.length) + inputOutputs.length + attenuators.length;
    }

    /** Sum of every heater's phase, radians; heater power is {@code totalPhase / π · P_π}. */
    public double totalPhase() {
        return sum(inputInternal) + sum(inputExternal) + sum(inputOutputs) + sum(attenuators)
                + sum(outputInternal) + sum(outputExternal);
    }

    /**
     * These heaters with every phase moved by an independent {@code N(0, σ)} error, as thermal drift
     * moves them; the detector references (electronic) keep their calibrated values.
     */
    TileHeaters drifted(double sigma, SplittableRandom random) {
        return new TileHeaters(tile, drift(inputInternal, sigma, random), drift(inputExternal, sigma, random),
                drift(inputOutputs, sigma, random), drift(attenuators, sigma, random),
                drift(outputInternal, sigma, random), drift(outputExternal, sigma, random), detectorOffsets);
    }

    /**
     * These heaters set through a {@code bits}-bit phase DAC: every phase rounded to the nearest multiple
     * of {@code 2π / 2^bits}. The detector references (electronic) keep their exact values.
     *
     * @param bits resolution per phase shifter
     * @return the quantized heaters
     */
    public TileHeaters quantized(int bits) {
        double step = 2 * Math.PI / (1L << bits);
        return new TileHeaters(tile, round(inputInternal, step), round(inputExternal, step), round(inputOutputs, step),
                round(attenuators, step), round(outputInternal, step), round(outputExternal, step), detectorOffsets);
    }

    /**
     * What these heaters implement, in {@link MziMesh}'s convention, for the simulator: the input mesh,
     * the attenuators' amplitude transmissions and the output mesh, such that the tile's detector
     * phases complete the product. For the undrifted heaters this equals the compiled tile.
     */
    Realised realise() {
        int n = tile.size();
        double[] pending = new double[n];
        MziMesh in = HeaterConvention.toMesh(tile.inputMesh(), inputInternal, inputExternal, pending, new double[n]);
        double[] inOutputs = new double[n];
        double[] transmission = new double[n];
        for (int j = 0; j < n; j++) {
            inOutputs[j] = inputOutputs[j] + pending[j];
            transmission[j] = HeaterConvention.attenuatorTransmission(attenuators[j]);
            pending[j] = HeaterConvention.attenuatorDelay(attenuators[j]);
        }
        double[][] inPhases = in.phases();
        in = in.withPhases(inPhases[0], inPhases[1], inOutputs);
        double[] outOutputs = new double[n];
        MziMesh out = HeaterConvention.toMesh(tile.outputMesh(), outputInternal, outputExternal, pending, outOutputs);
        for (int j = 0; j < n; j++) {
            outOutputs[j] = pending[j] + detectorOffsets[j];
        }
        double[][] outPhases = out.phases();
        return new Realised(in, transmission, out.withPhases(outPhases[0], outPhases[1], outOutputs));
    }

    double[] inputInternal() {
        return inputInternal.clone();
    }

    double[] inputExternal() {
        return inputExternal.clone();
    }

    double[] inputOutputs() {
        return inputOutputs.clone();
    }

    double[] attenuators() {
        return attenuators.clone();
    }

    double[] outputInternal() {
        return outputInternal.clone();
    }

    double[] outputExternal() {
        return outputExternal.clone();
    }

    double[] detectorOffsets() {
        return detectorOffsets.clone();
    }

    /** A tile as its heaters implement it: input mesh, attenuator transmissions, output mesh. */
    record Realised(MziMesh inputMesh, double[] attenuation, MziMesh outputMesh) {
    }

    private static double[] round(double[] phases, double step) {
        double[] rounded = new double[phases.length];
        for (int i = 0; i < phases.length; i++) {
            rounded[i] = Math.rint(phases[i] / step) * step;
        }
        return rounded;
    }

    private static double[] drift(double[] phases, double sigma, SplittableRandom random) {
        double[] drifted = new double[phases.length];
        for (int i = 0; i < phases.length; i++) {
            drifted[i] = phases[i] + sigma * random.nextGaussian();
        }
        return drifted;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
