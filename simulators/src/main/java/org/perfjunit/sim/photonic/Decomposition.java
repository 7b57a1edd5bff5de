package org.perfjunit.sim.photonic;

/**
 * How a unitary is laid out as a mesh of {@code N(N−1)/2} MZIs.
 */
public enum Decomposition {

    /**
     * Rectangular mesh of Clements et al., Optica 3, 1460 (2016): depth {@code N}, every path
     * crosses a similar number of MZIs, so loss is balanced.
     */
    CLEMENTS {
        @Override
        public MziMesh decompose(ComplexMatrix unitary) {
            return ClementsDecomposer.decompose(unitary);
        }

        @Override
        public MziMesh decomposeOrthogonal(int size, double[] orthogonal) {
            return ClementsDecomposer.decomposeOrthogonal(size, orthogonal);
        }
    },

    /**
     * Triangular mesh of Reck et al., PRL 73, 58 (1994): depth {@code 2N−3}, unbalanced paths.
     */
    RECK {
        @Override
        public MziMesh decompose(ComplexMatrix unitary) {
            return ReckDecomposer.decompose(unitary);
        }

        @Override
        public MziMesh decomposeOrthogonal(int size, double[] orthogonal) {
            return ReckDecomposer.decomposeOrthogonal(size, orthogonal);
        }
    };

    /**
     * Decomposes a unitary matrix (not modified).
     *
     * @param unitary the matrix; must be unitary to working precision
     * @return a mesh whose {@link MziMesh#toMatrix()} equals {@code unitary}
     */
    public abstract MziMesh decompose(ComplexMatrix unitary);

    /**
     * Decomposes a real orthogonal matrix with real arithmetic only (all {@code φ} and output
     * phases are 0 or π), about three times faster than the complex path.
     *
     * @param size       dimension {@code N}
     * @param orthogonal row-major {@code N×N} orthogonal matrix (not modified)
     * @return the mesh
     */
    public abstract MziMesh decomposeOrthogonal(int size, double[] orthogonal);
}
