package org.perfjunit.sim.tensor;

/**
 * The innermost GEMM step: {@code C[mr × nr] += Ap · Bp} over {@code kc} packed columns, with the tile
 * held in registers. {@code Ap} is an {@code mr}-row sliver stored column by column ({@code mr} values
 * per step), {@code Bp} an {@code nr}-column sliver stored row by row ({@code nr} values per step).
 */
interface FloatMicroKernel {

    /** @return rows of the register tile */
    int mr();

    /** @return columns of the register tile */
    int nr();

    /** Adds the {@code kc}-step product of the two slivers to the tile at {@code c[cOff]} (row stride {@code ldc}). */
    void compute(int kc, float[] ap, int aOff, float[] bp, int bOff, float[] c, int cOff, int ldc);
}
