package org.perfjunit.sim.photonic;

/**
 * One {@code N×N} tile of a compiled layer: input mesh ({@code Vᵀ}), a column of attenuators
 * ({@code Σ/σ_max}), output mesh ({@code U}), then electronic gain {@code σ_max} and detector
 * phase references. Covers weight rows {@code rowOffset..rowOffset+rows} and columns
 * {@code colOffset..colOffset+cols}; padding ports carry no light.
 */
public final class CompiledTile {

    private final int rowOffset;
    private final int colOffset;
    private final int rows;
    private final int cols;
    private final MziMesh inputMesh;
    private final double[] attenuation;
    private final double gain;
    private final MziMesh outputMesh;
    private final double[] detectorPhases;

    CompiledTile(int rowOffset, int colOffset, int rows, int cols, MziMesh inputMesh, double[] attenuation,
                 double gain, MziMesh outputMesh, double[] detectorPhases) {
        this.rowOffset = rowOffset;
        this.colOffset = colOffset;
        this.rows = rows;
        this.cols = cols;
        this.inputMesh = inputMesh;
        this.attenuation = attenuation;
        this.gain = gain;
        this.outputMesh = outputMesh;
        this.detectorPhases = detectorPhases;
    }

    /** First weight row (output index) this tile covers. */
    public int rowOffset() {
        return rowOffset;
    }

    /** First weight column (input index) this tile covers. */
    public int colOffset() {
        return colOffset;
    }

    /** Weight rows covered (≤ mesh size). */
    public int rows() {
        return rows;
    }

    /** Weight columns covered (≤ mesh size). */
    public int cols() {
        return cols;
    }

    /** Mesh size {@code N}. */
    public int size() {
        return inputMesh.size();
    }

    /** The mesh implementing {@code Vᵀ}. */
    public MziMesh inputMesh() {
        return inputMesh;
    }

    /** The mesh implementing {@code U}. */
    public MziMesh outputMesh() {
        return outputMesh;
    }

    /** Amplitude transmission of attenuator {@code i}, {@code σ_i/σ_max ∈ [0, 1]}. */
    public double attenuation(int i) {
        return attenuation[i];
    }

    /** A copy of every attenuator's amplitude transmission. */
    double[] attenuations() {
        return attenuation.clone();
    }

    /** Electronic gain after detection, {@code σ_max}. */
    public double gain() {
        return gain;
    }

    /** Phase reference of detector {@code i} (the output phases absorbed from the last mesh). */
    public double detectorPhase(int i) {
        return detectorPhases[i];
    }
}
