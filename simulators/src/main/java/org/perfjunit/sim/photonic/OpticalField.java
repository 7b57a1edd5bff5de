package org.perfjunit.sim.photonic;

/**
 * A complex field on a set of optical ports (after coherent detection), as two arrays.
 *
 * @param re real parts
 * @param im imaginary parts
 */
public record OpticalField(double[] re, double[] im) {

    /** Checks both parts have one value per port. */
    public OpticalField {
        if (re.length != im.length) {
            throw new IllegalArgumentException("real and imaginary parts differ in length");
        }
    }

    /** Number of ports. */
    public int size() {
        return re.length;
    }
}
