package org.perfjunit.sim.tensor;

/**
 * The ternary matrix-vector kernels: a plain {@link #REFERENCE} that decodes every weight, and an
 * {@link #OPTIMIZED} lookup-table kernel in the style of T-MAC / bitnet.cpp's TL kernels. Both return
 * identical results (see {@link TernaryMatVec}); their speed ratio is a benchmark metric.
 */
public enum TernaryKernel {

    /** Decodes each 2-bit weight and multiply-adds it: simple, obviously right, slow. */
    REFERENCE,

    /**
     * Per input vector, builds for every group of 8 columns a 256-entry table of the partial sums of all
     * subsets of those 8 activations; a row then costs two table lookups per 8 weights (one for the
     * {@code +1} bitset, one for the {@code −1} bitset) instead of 8 multiply-adds.
     */
    OPTIMIZED;

    /** @return a new kernel instance with its own scratch buffers */
    public TernaryMatVec create() {
        return this == REFERENCE ? new Reference() : new LookupTable();
    }

    private static final class Reference extends TernaryMatVec {

        @Override
        public TernaryKernel kind() {
            return REFERENCE;
        }

        @Override
        void compute(TernaryMatrix w, byte[] xq, int[] out) {
            for (int r = 0; r < w.rows(); r++) {
                int sum = 0;
                for (int c = 0; c < w.cols(); c++) {
                    sum += w.weight(r, c) * xq[c];
                }
                out[r] = sum;
            }
        }
    }

    private static final class LookupTable extends TernaryMatVec {

        private int[] table = new int[0];

        @Override
        public TernaryKernel kind() {
            return OPTIMIZED;
        }

        @Override
        void compute(TernaryMatrix w, byte[] xq, int[] out) {
            int groups = w.bytesPerRow();
            int cols = w.cols();
            if (table.length < groups * 256) {
                table = new int[groups * 256];
            }
            int[] t = table;
            for (int g = 0; g < groups; g++) {
                int base = g * 256;
                t[base] = 0;
                for (int subset = 1; subset < 256; subset++) {
                    // subset = smaller subset (lowest bit cleared) plus the activation of its lowest bit
                    int column = g * 8 + Integer.numberOfTrailingZeros(subset);
                    t[base + subset] = t[base + (subset & (subset - 1))] + (column < cols ? xq[column] : 0);
                }
            }
            byte[] plus = w.plusBits();
            byte[] minus = w.minusBits();
            for (int r = 0; r < w.rows(); r++) {
                int offset = r * groups;
                int sum = 0;
                for (int g = 0; g < groups; g++) {
                    sum += t[(g << 8) + (plus[offset + g] & 0xFF)] - t[(g << 8) + (minus[offset + g] & 0xFF)];
                }
                out[r] = sum;
            }
        }
    }
}
