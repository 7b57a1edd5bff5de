package org.perfjunit.sim.photonic;

/**
 * An {@code N}-mode mesh of Mach-Zehnder interferometers followed by a column of output phase
 * shifters, as produced by a Clements or Reck decomposition. Immutable.
 *
 * <p>MZI {@code k} acts on modes {@code (m, m+1)}, {@code m = mode(k)}, with the transfer matrix of
 * Clements et al., Optica 3, 1460 (2016):
 * <pre>
 *   T(θ, φ) = | e^{iφ} cos θ   −sin θ |
 *             | e^{iφ} sin θ    cos θ |
 * </pre>
 * {@code θ} is half the internal phase difference of the MZI, {@code φ} the external phase.
 * Light meets the MZIs in index order, then the output phases {@code e^{iα_j}}. The whole mesh
 * implements {@code D · T_last ⋯ T_first}.
 */
public final class MziMesh {

    private final int size;
    private final int[] modes;
    private final double[] theta;
    private final double[] phi;
    private final double[] outputPhases;
    private final int depth;
    // trigonometry for propagation, computed on first use: compilation alone never needs it
    private volatile Trig trig;

    /**
     * Creates a mesh (arrays are copied).
     *
     * @param size         number of modes
     * @param modes        upper mode of each MZI, in light order
     * @param theta        θ of each MZI
     * @param phi          φ of each MZI
     * @param outputPhases α of each mode's output phase shifter
     */
    public MziMesh(int size, int[] modes, double[] theta, double[] phi, double[] outputPhases) {
        this(size, modes.clone(), theta.clone(), phi.clone(), outputPhases.clone(), true);
    }

    // trusted constructor: takes ownership of the arrays
    MziMesh(int size, int[] modes, double[] theta, double[] phi, double[] outputPhases, boolean owned) {
        if (modes.length != theta.length || modes.length != phi.length || outputPhases.length != size) {
            throw new IllegalArgumentException("inconsistent mesh arrays");
        }
        this.size = size;
        this.modes = modes;
        this.theta = theta;
        this.phi = phi;
        this.outputPhases = outputPhases;
        int count = modes.length;
        int[] columnOfMode = new int[size];
        int deepest = 0;
        for (int k = 0; k < count; k++) {
            int m = modes[k];
            if (m < 0 || m + 1 >= size) {
                throw new IllegalArgumentException("MZI " + k + " on mode " + m + " outside " + size + " modes");
            }
            // greedy layering: an MZI sits one column after the latest MZI on either of its modes
            int column = Math.max(columnOfMode[m], columnOfMode[m + 1]) + 1;
            columnOfMode[m] = column;
            columnOfMode[m + 1] = column;
            deepest = Math.max(deepest, column);
        }
        this.depth = deepest;
    }

    /** Number of optical modes (ports). */
    public int size() {
        return size;
    }

    /** Number of MZIs. */
    public int mziCount() {
        return modes.length;
    }

    /** Number of MZI columns: the most MZIs any light path crosses. */
    public int depth() {
        return depth;
    }

    /** Upper mode of MZI {@code k}. */
    public int mode(int k) {
        return modes[k];
    }

    /** θ of MZI {@code k}, radians. */
    public double theta(int k) {
        return theta[k];
    }

    /** φ of MZI {@code k}, radians. */
    public double phi(int k) {
        return phi[k];
    }

    /** Output phase of mode {@code j}, radians. */
    public double outputPhase(int j) {
        return outputPhases[j];
    }

    /**
     * Sum of the phases this mesh's heaters hold, radians, alone (no phase arriving on its inputs):
     * per MZI the internal heater {@code π − 2θ} and the external heater, plus the output column,
     * each wrapped to {@code [0, 2π)} (see {@link HeaterConvention} for the derivation; the internal
     * phase is not {@code 2θ}).
     */
    public double totalPhase() {
        double[] pending = new double[size];
        double sum = HeaterConvention.heaterPhaseSum(this, pending);
        for (int j = 0; j < size; j++) {
            sum += HeaterConvention.wrap(outputPhases[j] + pending[j]);
        }
        return sum;
    }

    /**
     * Returns a mesh with different phases, same topology (used for phase wrapping, output-phase
     * absorption and thermal perturbation).
     *
     * @param newTheta        θ per MZI
     * @param newPhi          φ per MZI
     * @param newOutputPhases α per mode
     * @return the new mesh
     */
    public MziMesh withPhases(double[] newTheta, double[] newPhi, double[] newOutputPhases) {
        return new MziMesh(size, modes, newTheta.clone(), newPhi.clone(), newOutputPhases.clone(), true);
    }

    /** Copies of the phase arrays {θ, φ, α}. */
    double[][] phases() {
        return new double[][] {theta.clone(), phi.clone(), outputPhases.clone()};
    }

    /**
     * Propagates a field through the mesh, in place.
     *
     * @param re           real parts, length {@link #size()}
     * @param im           imaginary parts, length {@link #size()}
     * @param mziAmplitude amplitude transmission of one MZI ({@code 1} when lossless), applied to both arms
     */
    public void propagate(double[] re, double[] im, double mziAmplitude) {
        Trig t = trig();
        double[] cosTheta = t.cosTheta;
        double[] sinTheta = t.sinTheta;
        double[] cosPhi = t.cosPhi;
        double[] sinPhi = t.sinPhi;
        for (int k = 0; k < modes.length; k++) {
            int m = modes[k];
            double c = cosTheta[k] * mziAmplitude;
            double s = sinTheta[k] * mziAmplitude;
            double ar = re[m];
            double ai = im[m];
            double br = re[m + 1];
            double bi = im[m + 1];
            double er = cosPhi[k] * ar - sinPhi[k] * ai; // e^{iφ} a
            double ei = cosPhi[k] * ai + sinPhi[k] * ar;
            re[m] = c * er - s * br;
            im[m] = c * ei - s * bi;
            re[m + 1] = s * er + c * br;
            im[m + 1] = s * ei + c * bi;
        }
        for (int j = 0; j < size; j++) {
            if (outputPhases[j] != 0) {
                double cr = t.cosOut[j];
                double ci = t.sinOut[j];
                double r = re[j];
                re[j] = cr * r - ci * im[j];
                im[j] = cr * im[j] + ci * r;
            }
        }
    }

    private Trig trig() {
        Trig t = trig;
        if (t == null) {
            t = new Trig(theta, phi, outputPhases); // benign race: every thread computes the same values
            trig = t;
        }
        return t;
    }

    /** cos and sin of every phase, the inner-loop coefficients of propagation. */
    private static final class Trig {
        final double[] cosTheta;
        final double[] sinTheta;
        final double[] cosPhi;
        final double[] sinPhi;
        final double[] cosOut;
        final double[] sinOut;

        Trig(double[] theta, double[] phi, double[] out) {
            int n = theta.length;
            cosTheta = new double[n];
            sinTheta = new double[n];
            cosPhi = new double[n];
            sinPhi = new double[n];
            for (int k = 0; k < n; k++) {
                cosTheta[k] = Math.cos(theta[k]);
                sinTheta[k] = Math.sin(theta[k]);
                cosPhi[k] = Math.cos(phi[k]);
                sinPhi[k] = Math.sin(phi[k]);
            }
            cosOut = new double[out.length];
            sinOut = new double[out.length];
            for (int j = 0; j < out.length; j++) {
                cosOut[j] = Math.cos(out[j]);
                sinOut[j] = Math.sin(out[j]);
            }
        }
    }

    /** The lossless transfer matrix the mesh implements (built by propagating each basis vector). */
    public ComplexMatrix toMatrix() {
        ComplexMatrix m = new ComplexMatrix(size);
        double[] re = new double[size];
        double[] im = new double[size];
        for (int col = 0; col < size; col++) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            re[col] = 1;
            propagate(re, im, 1.0);
            for (int row = 0; row < size; row++) {
                m.set(row, col, re[row], im[row]);
            }
        }
        return m;
    }
}
