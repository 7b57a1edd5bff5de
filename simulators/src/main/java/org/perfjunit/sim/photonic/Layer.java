package org.perfjunit.sim.photonic;

/**
 * One layer of a {@link Network}: a fully connected {@link Linear} layer or a {@link Relu}.
 */
public sealed interface Layer permits Linear, Relu {

    /** Number of values this layer consumes. */
    int inputs();

    /** Number of values this layer produces. */
    int outputs();
}
