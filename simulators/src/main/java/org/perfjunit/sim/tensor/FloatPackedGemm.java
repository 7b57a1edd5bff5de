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
 * Several threads share each packed B panel and split the rows of C into work-stealing tasks.
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
        GemmKernel.checkNotAliased(a, b, c);
        if (pool == null || threads == 1 || m <= mr) {
            multiplyRows(0, m, n, k, a, b, c);
        } else {
            pool.invoke(ForkJoinTask.adapt(() -> multiplyShared(m, n, k, a, b, c, threads)));
        }
    }

    /**
     * Multithreaded loop nest: threads pack each B panel together, then take blocks of rows of C as
     * work-stealing tasks (a thread slowed by another process simply takes fewer blocks).
     */
    private void multiplyShared(int m, int n, int k, float[] a, float[] b, float[] c, int threads) {
        if (k == 0 || n == 0) {
            Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        float[] bp = new float[kc * nc];
        // equal row blocks, a multiple of the thread count and none larger than mc, so threads get equal shares
        int blocks = threads * ((m + threads * mc - 1) / (threads * mc));
        int rowBlock = roundUp((m + blocks - 1) / blocks, mr);
        for (int jc = 0; jc < n; jc += nc) {
            int nb = Math.min(nc, n - jc);
            for (int pc = 0; pc < k; pc += kc) {
                int kb = Math.min(kc, k - pc);
                int slivers = (nb + nr - 1) / nr;
                int perPart = (slivers + threads - 1) / threads;
                List<ForkJoinTask<?>> packs = new ArrayList<>(threads);
                for (int s0 = 0; s0 < slivers; s0 += perPart) {
                    int t0 = s0 * nr;
                    int t1 = Math.min(nb, (s0 + perPart) * nr);
                    int p = pc;
                    int j = jc;
                    packs.add(ForkJoinTask.adapt(() -> packB(b, n, p, kb, j, nb, t0, t1, bp)));
                }
                ForkJoinTask.invokeAll(packs);
                List<ForkJoinTask<?>> tasks = new ArrayList<>(blocks);
                for (int ic = 0; ic < m; ic += rowBlock) {
                    int from = ic;
                    int mb = Math.min(rowBlock, m - ic);
                    boolean first = pc == 0;
                    int p = pc;
                    int j = jc;
                    tasks.add(ForkJoinTask.adapt(() -> {
                        if (first) {
                            for (int i = from; i < from + mb; i++) {
                                Arrays.fill(c, i * n + j, i * n + j + nb, 0f);
                            }
                        }
                        float[] ap = new float[roundUp(mb, mr) * kb];
                        packA(a, k, from, mb, p, kb, ap);
                        macroKernel(mb, nb, kb, ap, bp, c, from * n + j, n, new float[mr * nr]);
                    }));
                }
                ForkJoinTask.invokeAll(tasks);
            }
        }
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
                packB(b, n, pc, kb, jc, nb, 0, nb, bp);
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

    /**
     * Packs columns {@code [t0, t1)} (multiples of nr) of {@code b[pc..pc+kb) × [jc..jc+nb)} into nr-column
     * slivers, row by row, zero-padding the last.
     */
    private void packB(float[] b, int ldb, int pc, int kb, int jc, int nb, int t0, int t1, float[] bp) {
        for (int t = t0; t < t1; t += nr) {
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
