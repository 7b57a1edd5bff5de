package org.perfjunit.sim.photonic;

/** One tile as it moves through the compiler passes; mutable, confined to one pass at a time. */
final class TileJob {

    final int layer;
    final int rowOffset;
    final int colOffset;
    final int rows;
    final int cols;
    final int size;
    double[][] block;
    double[] blockIm; // row-major size × size imaginary parts of a complex layer's tile, else null
    double[] u;
    double[] sigma;
    double[] vt;
    ComplexSvd complexSvd; // the svd pass's result for a complex tile, else null
    MziMesh inputMesh;
    MziMesh outputMesh;
    double[] attenuation;
    double gain;
    double[] detectorPhases;

    TileJob(int layer, int rowOffset, int colOffset, int rows, int cols, int size) {
        this.layer = layer;
        this.rowOffset = rowOffset;
        this.colOffset = colOffset;
        this.rows = rows;
        this.cols = cols;
        this.size = size;
    }

    // tile pass: copy the sub-matrix, zero-padded to size × size
    void cut(Linear linear) {
        double[] w = linear.weightsView();
        int in = linear.inputs();
        block = new double[size][size];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(w, (rowOffset + r) * in + colOffset, block[r], 0, cols);
        }
        double[] wIm = linear.imaginaryView();
        if (wIm != null) {
            blockIm = new double[size * size];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(wIm, (rowOffset + r) * in + colOffset, blockIm, r * size, cols);
            }
        }
    }

    // svd pass: W_tile = U Σ Vᵀ with full square factors (U Σ V† for a complex tile)
    void svd() {
        if (blockIm != null) {
            double[] re = new double[size * size];
            for (int r = 0; r < size; r++) {
                System.arraycopy(block[r], 0, re, r * size, size);
            }
            complexSvd = ComplexSvd.of(size, size, re, blockIm);
            sigma = complexSvd.singularValues();
            block = null;
            blockIm = null;
            return;
        }
        JacobiSvd svd = new JacobiSvd(block);
        u = svd.u;
        vt = svd.vt;
        sigma = svd.sigma;
        block = null; // the factors replace the block; frees memory early on large models
    }

    // decompose pass: Vᵀ (V†) is the input mesh, U the output mesh, Σ an attenuator column plus electronic gain
    void decompose(Decomposition layout) {
        if (complexSvd != null) { // general unitaries: the complex path, φ and output phases anywhere in [0, 2π)
            inputMesh = layout.decompose(complexSvd.vConjugateTranspose());
            outputMesh = layout.decompose(complexSvd.u());
            complexSvd = null;
        } else {
            inputMesh = layout.decomposeOrthogonal(size, vt);
            outputMesh = layout.decomposeOrthogonal(size, u);
        }
        gain = sigma[0];
        attenuation = new double[size];
        if (gain > 0) {
            for (int i = 0; i < size; i++) {
                attenuation[i] = sigma[i] / gain; // passive attenuators can only transmit ≤ 1
            }
        }
        u = null;
        vt = null;
    }

    // phase_optimization pass
    void optimizePhases() {
        inputMesh = wrapped(inputMesh, false);
        double[][] outPhases = outputMesh.phases();
        detectorPhases = wrapAll(outPhases[2]);
        outputMesh = wrapped(outputMesh, true);
    }

    CompiledTile toCompiled() {
        return new CompiledTile(rowOffset, colOffset, rows, cols, inputMesh, attenuation, gain, outputMesh, detectorPhases);
    }

    private static MziMesh wrapped(MziMesh mesh, boolean dropOutputPhases) {
        double[][] p = mesh.phases();
        double[] outputs = dropOutputPhases ? new double[mesh.size()] : wrapAll(p[2]);
        return mesh.withPhases(p[0], wrapAll(p[1]), outputs);
    }

    // heaters only add phase, so the cheapest equivalent setting lies in [0, 2π)
    private static double[] wrapAll(double[] phases) {
        double twoPi = 2 * Math.PI;
        for (int i = 0; i < phases.length; i++) {
            double v = phases[i] % twoPi;
            phases[i] = v < 0 ? v + twoPi : v;
        }
        return phases;
    }
}
