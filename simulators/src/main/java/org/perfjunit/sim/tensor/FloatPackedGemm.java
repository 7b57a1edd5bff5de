package org.perfjunit.sim.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The GotoBLAS/BLIS loop nest for floats: blocks of B ({@code kc × nc}, sized for L3) and A
 * ({@code mc × kc}, sized for L2) are packed into contiguous slivers so the micro-kernel streams them
 * with unit stride; its B sliver ({@code kc × nr}) stays in L1 while A slivers pass under it.
 * Several threads split the rows of C, each packing its own panels (no barriers, no shared writes).
 */
final class FloatPackedGemm {

    private final FloatMicroKernel kernel;
    private final int mr;
    private final int nr;
    private final int mc;
    private final int kc;
    private final int nc;

    FloatPackedGemm(FloatMicroKernel kernel, int mc, int kc, int nc) {
        this.kernel = kernel;
        this.mr = kernel.mr();
        this.nr = kernel.nr();
        this.mc = roundUp(mc, mr);
        this.kc = kc;
        this.nc = roundUp(nc, nr);
    }

    void multiply(int m, int n, int k, float[] a, float[] b, float[] c, ForkJoinPool pool, int threads) {
        GemmKernel.checkShape(m, n, k, a.length, b.length, c.length);
        int parts = pool == null ? 1 : Math.max(1, Math.min(threads, (m + mr - 1) / mr));
        if (parts == 1) {
            multiplyRows(0, m, n, k, a, b, c);
            return;
        }
        int rowsPerPart = roundUp((m + parts - 1) / parts, mr);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(parts);
        for (int r0 = 0; r0 < m; r0 += rowsPerPart) {
            int from = r0;
            int to = Math.min(m, r0 + rowsPerPart);
            tasks.add(pool.submit(() -> multiplyRows(from, to, n, k, a, b, c)));
        }
        tasks.forEach(ForkJoinTask::join);
    }

    /** Computes rows {@code [r0, r1)} of C. */
    private void multiplyRows(int r0, int r1, int n, int k, float[] a, float[] b, float[] c) {
        Arrays.fill(c, r0 * n, r1 * n, 0f);
        if (k == 0 || n == 0 || r1 <= r0) {
            return;
        }
        float[] bp = new float[kc * nc];
        float[] ap = new float[mc * kc];
        float[] edge = new float[mr * nr];
        for (int jc = 0; jc < n; jc += nc) {
            int nb = Math.min(nc, n - jc);
            for (int pc = 0; pc < k; pc += kc) {
                int kb = Math.min(kc, k - pc);
                packB(b, n, pc, kb, jc, nb, bp);
                for (int ic = r0; ic < r1; ic += mc) {
                    int mb = Math.min(mc, r1 - ic);
                    packA(a, k, ic, mb, pc, kb, ap);
                    macroKernel(mb, nb, kb, ap, bp, c, ic * n + jc, n, edge);
                }
            }
        }
    }

    private void macroKernel(int mb, int nb, int kb, float[] ap, float[] bp, float[] c, int cOff, int ldc,
            float[] edge) {
        for (int jr = 0; jr < nb; jr += nr) {
            int cols = Math.min(nr, nb - jr);
            int bOff = jr * kb;
            for (int ir = 0; ir < mb; ir += mr) {
                int rows = Math.min(mr, mb - ir);
                int aOff = ir * kb;
                int tile = cOff + ir * ldc + jr;
                if (rows == mr && cols == nr) {
                    kernel.compute(kb, ap, aOff, bp, bOff, c, tile, ldc);
                } else {
                    // partial tile: compute the full zero-padded tile aside, add only its valid part
                    Arrays.fill(edge, 0f);
                    kernel.compute(kb, ap, aOff, bp, bOff, edge, 0, nr);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            c[tile + i * ldc + j] += edge[i * nr + j];
                        }
                    }
                }
            }
        }
    }

    /** Packs {@code a[ic..ic+mb) × [pc..pc+kb)} into mr-row slivers, column by column, zero-padding the last. */
    private void packA(float[] a, int lda, int ic, int mb, int pc, int kb, float[] ap) {
        for (int s = 0; s < mb; s += mr) {
            int base = s * kb;
            for (int i = 0; i < mr; i++) {
                if (s + i < mb) {
                    int src = (ic + s + i) * lda + pc;
                    for (int p = 0; p < kb; p++) {
                        ap[base + p * mr + i] = a[src + p];
                    }
                } else {
                    for (int p = 0; p < kb; p++) {
                        ap[base + p * mr + i] = 0f;
                    }
                }
            }
        }
    }

    /** Packs {@code b[pc..pc+kb) × [jc..jc+nb)} into nr-column slivers, row by row, zero-padding the last. */
    private void packB(float[] b, int ldb, int pc, int kb, int jc, int nb, float[] bp) {
        for (int t = 0; t < nb; t += nr) {
            int cols = Math.min(nr, nb - t);
            int base = t * kb;
            for (int p = 0; p < kb; p++) {
                int dst = base + p * nr;
                System.arraycopy(b, (pc + p) * ldb + jc + t, bp, dst, cols);
                if (cols < nr) {
                    Arrays.fill(bp, dst + cols, dst + nr, 0f);
                }
            }
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
