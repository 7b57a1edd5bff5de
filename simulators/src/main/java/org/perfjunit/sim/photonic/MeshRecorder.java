package org.perfjunit.sim.photonic;

/** Collects MZIs in light order into primitive arrays while a decomposition runs. */
final class MeshRecorder {

    private final int size;
    private final int[] modes;
    private final double[] theta;
    private final double[] phi;
    private int count;

    MeshRecorder(int size) {
        this.size = size;
        int capacity = size * (size - 1) / 2;
        modes = new int[capacity];
        theta = new double[capacity];
        phi = new double[capacity];
    }

    void add(int mode, double t, double p) {
        modes[count] = mode;
        theta[count] = t;
        phi[count] = p;
        count++;
    }

    MziMesh build(double[] outputPhases) {
        if (count != modes.length) {
            throw new IllegalStateException("expected " + modes.length + " MZIs, recorded " + count);
        }
        return new MziMesh(size, modes, theta, phi, outputPhases, true);
    }
}
