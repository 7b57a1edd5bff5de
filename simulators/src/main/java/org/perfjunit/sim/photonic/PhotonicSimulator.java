package org.perfjunit.sim.photonic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs input vectors through a {@link CompiledNetwork} by propagating complex fields through
 * every MZI: per tile, input mesh → attenuators → output mesh → coherent detection; tile outputs
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
    private final List<List<MziMesh[]>> meshes; // per layer, per tile: {input, output}, possibly drifted

    private PhotonicSimulator(CompiledNetwork compiled, double mziAmplitude, double temperatureC, long seed) {
        this.compiled = compiled;
        this.mziAmplitude = mziAmplitude;
        this.temperatureC = temperatureC;
        ThermalModel thermal = compiled.target().device().thermal();
        double perMetre = thermal.phasePerKelvinPerMetre() * (temperatureC - thermal.referenceTemperatureC());
        List<List<MziMesh[]>> all = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (CompiledLayer layer : compiled.layers()) {
            List<MziMesh[]> tiles = new ArrayList<>();
            for (CompiledTile tile : layer.tiles()) {
                if (perMetre == 0) {
                    tiles.add(new MziMesh[] {tile.inputMesh(), tile.outputMesh()});
                } else {
                    double scale = perMetre * thermal.armImbalanceStdDevM();
                    tiles.add(new MziMesh[] {drifted(tile.inputMesh(), scale, random),
                            drifted(tile.outputMesh(), scale, random)});
                }
            }
            all.add(tiles);
        }
        this.meshes = all;
    }

    /** A simulator with lossless MZIs at the calibration temperature (the exact reference). */
    public static PhotonicSimulator lossless(CompiledNetwork compiled) {
        return new PhotonicSimulator(compiled, 1.0, compiled.target().device().thermal().referenceTemperatureC(), 0);
    }

    /** A simulator with the device's per-MZI insertion loss, at the calibration temperature. */
    public static PhotonicSimulator lossy(CompiledNetwork compiled) {
        return new PhotonicSimulator(compiled, compiled.target().device().mziAmplitudeTransmission(),
                compiled.target().device().thermal().referenceTemperatureC(), 0);
    }

    /**
     * This simulator with the chip at another temperature: every phase shifter drifts by
     * {@code (2π/λ)(dn/dT)ΔL(T − T₀)} with its own arm imbalance {@code ΔL}, drawn from {@code seed}.
     *
     * @param celsius chip temperature, °C
     * @param seed    seed of the arm imbalances
     * @return a new simulator
     */
    public PhotonicSimulator atTemperature(double celsius, long seed) {
        return new PhotonicSimulator(compiled, mziAmplitude, celsius, seed);
    }

    /** The chip temperature this simulator models, °C. */
    public double temperatureC() {
        return temperatureC;
    }

    /**
     * The detected complex output of one linear layer (before its ReLU).
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
        List<MziMesh[]> tileMeshes = meshes.get(layerIndex);
        int k = tiles.get(0).size();
        double[] re = new double[k];
        double[] im = new double[k];
        for (int t = 0; t < tiles.size(); t++) {
            CompiledTile tile = tiles.get(t);
            Arrays.fill(re, 0);
            Arrays.fill(im, 0);
            System.arraycopy(x, tile.colOffset(), re, 0, tile.cols());
            tileMeshes.get(t)[0].propagate(re, im, mziAmplitude);
            for (int i = 0; i < k; i++) {
                re[i] *= tile.attenuation(i);
                im[i] *= tile.attenuation(i);
            }
            tileMeshes.get(t)[1].propagate(re, im, mziAmplitude);
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

    private static MziMesh drifted(MziMesh mesh, double radiansPerSigma, SplittableRandom random) {
        double[][] p = mesh.phases();
        for (int k = 0; k < p[0].length; k++) {
            p[0][k] += 0.5 * radiansPerSigma * random.nextGaussian(); // θ is half the internal phase
            p[1][k] += radiansPerSigma * random.nextGaussian();
        }
        for (int j = 0; j < p[2].length; j++) {
            p[2][j] += radiansPerSigma * random.nextGaussian();
        }
        return mesh.withPhases(p[0], p[1], p[2]);
    }
}
