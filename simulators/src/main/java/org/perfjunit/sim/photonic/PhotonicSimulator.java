package org.perfjunit.sim.photonic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs input vectors through a {@link CompiledNetwork} by propagating complex fields through
 * every MZI: per tile, input mesh → attenuators (one lossy MZI each) → output mesh → coherent detection; tile outputs
 * of a row block are summed electronically, then the network's ReLU (if any) is applied before
 * the next layer is modulated.
 *
 * <pre>{@code
 * PhotonicSimulator ideal = PhotonicSimulator.lossless(compiled);
 * double[] y = ideal.infer(x);                       // equals network.forward(x) within 1e-9
 * PhotonicSimulator hot = PhotonicSimulator.lossy(compiled).atTemperature(60, 7);
 * }</pre>
 * Instances are immutable and thread-safe.
 */
public final class PhotonicSimulator {

    private final CompiledNetwork compiled;
    private final double mziAmplitude;
    private final double temperatureC;
    private final long seed;
    private final int phaseBits;
    private final List<List<TileHeaters.Realised>> tiles; // per layer, per tile: as the heaters implement it

    private PhotonicSimulator(CompiledNetwork compiled, double mziAmplitude, double temperatureC, long seed,
                              int phaseBits) {
        this.compiled = compiled;
        this.mziAmplitude = mziAmplitude;
        this.temperatureC = temperatureC;
        this.seed = seed;
        this.phaseBits = phaseBits;
        ThermalModel thermal = compiled.target().device().thermal();
        double perMetre = thermal.phasePerKelvinPerMetre() * (temperatureC - thermal.referenceTemperatureC());
        List<List<TileHeaters.Realised>> all = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        double sigma = perMetre * thermal.armImbalanceStdDevM();
        for (CompiledLayer layer : compiled.layers()) {
            List<TileHeaters.Realised> realised = new ArrayList<>();
            for (CompiledTile tile : layer.tiles()) {
                if (perMetre == 0 && phaseBits == 0) {
                    realised.add(new TileHeaters.Realised(tile.inputMesh(), tile.attenuations(), tile.outputMesh()));
                } else {
                    TileHeaters heaters = TileHeaters.of(tile);
                    if (phaseBits > 0) {
                        heaters = heaters.quantized(phaseBits); // the DACs' resolution, then drift on top
                    }
                    // drift moves what the heaters hold, Σ attenuators included; detector references stay
                    realised.add(perMetre == 0 ? heaters.realise() : heaters.drifted(sigma, random).realise());
                }
            }
            all.add(realised);
        }
        this.tiles = all;
    }

    /** A simulator with lossless MZIs at the calibration temperature (the exact reference). */
    public static PhotonicSimulator lossless(CompiledNetwork compiled) {
        return new PhotonicSimulator(compiled, 1.0, compiled.target().device().thermal().referenceTemperatureC(), 0, 0);
    }

    /** A simulator with the device's per-MZI insertion loss, at the calibration temperature. */
    public static PhotonicSimulator lossy(CompiledNetwork compiled) {
        return new PhotonicSimulator(compiled, compiled.target().device().mziAmplitudeTransmission(),
                compiled.target().device().thermal().referenceTemperatureC(), 0, 0);
    }

    /**
     * This simulator with the chip at another temperature: every heater of {@link TileHeaters} (both
     * heaters of every MZI, the input mesh's output column and the Σ attenuators) drifts by
     * {@code (2π/λ)(dn/dT)ΔL(T − T₀)} with its own arm imbalance {@code ΔL}, drawn from {@code seed}.
     * The detector phase references are electronic and keep their calibrated values.
     *
     * @param celsius chip temperature, °C
     * @param seed    seed of the arm imbalances
     * @return a new simulator
     */
    public PhotonicSimulator atTemperature(double celsius, long seed) {
        return new PhotonicSimulator(compiled, mziAmplitude, celsius, seed, phaseBits);
    }

    /**
     * This simulator with every heater set through a {@code bits}-bit phase DAC: each phase
     * {@link TileHeaters} holds is rounded to the nearest multiple of {@code 2π / 2^bits} (the phase
     * quantization model; combine with {@link #atTemperature} for drift on top).
     *
     * @param bits phase resolution per shifter, 1 to 24
     * @return a new simulator
     */
    public PhotonicSimulator withPhaseBits(int bits) {
        if (bits < 1 || bits > 24) {
            throw new IllegalArgumentException("phase bits must be in [1, 24], was " + bits);
        }
        return new PhotonicSimulator(compiled, mziAmplitude, temperatureC, seed, bits);
    }

    /** The chip temperature this simulator models, °C. */
    public double temperatureC() {
        return temperatureC;
    }

    /**
     * The detected complex output of one linear layer (before its ReLU); lossless, it equals the
     * layer's complex {@code W·x} ({@link Linear#applyComplex}), real or complex weights alike.
     *
     * @param layerIndex index into {@link CompiledNetwork#layers()}
     * @param x          real input of the layer
     * @return the field on the layer's outputs
     */
    public OpticalField propagate(int layerIndex, double[] x) {
        CompiledLayer layer = compiled.layers().get(layerIndex);
        if (x.length != layer.inputs()) {
            throw new IllegalArgumentException("layer " + layerIndex + " expects " + layer.inputs()
                    + " inputs, got " + x.length);
        }
        double[] outRe = new double[layer.outputs()];
        double[] outIm = new double[layer.outputs()];
        List<CompiledTile> tiles = layer.tiles();
        List<TileHeaters.Realised> realised = this.tiles.get(layerIndex);
        int k = tiles.get(0).size();
        double[] re = new double[k];
        double[] im = new double[k];
        for (int t = 0; t < tiles.size(); t++) {
            CompiledTile tile = tiles.get(t);
            Arrays.fill(re, 0);
            Arrays.fill(im, 0);
            System.arraycopy(x, tile.colOffset(), re, 0, tile.cols());
            TileHeaters.Realised physical = realised.get(t);
            physical.inputMesh().propagate(re, im, mziAmplitude);
            double[] attenuation = physical.attenuation();
            for (int i = 0; i < k; i++) {
                // each attenuator is one more MZI, with its insertion loss
                re[i] *= attenuation[i] * mziAmplitude;
                im[i] *= attenuation[i] * mziAmplitude;
            }
            physical.outputMesh().propagate(re, im, mziAmplitude);
            double gain = tile.gain();
            for (int i = 0; i < tile.rows(); i++) {
                double a = tile.detectorPhase(i);
                double cr = gain * Math.cos(a);
                double ci = gain * Math.sin(a);
                outRe[tile.rowOffset() + i] += cr * re[i] - ci * im[i];
                outIm[tile.rowOffset() + i] += cr * im[i] + ci * re[i];
            }
        }
        return new OpticalField(outRe, outIm);
    }

    /**
     * Runs the whole network: each layer's detected real part, through the ReLU where the network has one.
     *
     * @param x network input
     * @return network output
     */
    public double[] infer(double[] x) {
        double[] v = x;
        for (int l = 0; l < compiled.layers().size(); l++) {
            double[] y = propagate(l, v).re();
            v = compiled.layers().get(l).reluAfter() ? Network.relu(y) : y;
        }
        return v;
    }
}
