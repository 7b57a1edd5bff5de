package org.perfjunit;

/** Units of energy for {@link MaxEnergy}; results always store joules. */
public enum EnergyUnit {
    /** Joules. */
    JOULES("J", 1),
    /** Millijoules. */
    MILLIJOULES("mJ", 1e-3),
    /** Microjoules. */
    MICROJOULES("µJ", 1e-6),
    /** Nanojoules. */
    NANOJOULES("nJ", 1e-9),
    /** Picojoules (per-MAC figures of photonic and neuromorphic hardware). */
    PICOJOULES("pJ", 1e-12);

    private final String symbol;
    private final double joules;

    EnergyUnit(String symbol, double joules) {
        this.symbol = symbol;
        this.joules = joules;
    }

    /** The unit symbol used in messages: {@code mJ}. */
    public String symbol() {
        return symbol;
    }

    /** {@code value} of this unit in joules. */
    public double toJoules(double value) {
        return value * joules;
    }

    /** {@code joules} expressed in this unit. */
    public double fromJoules(double joules) {
        return joules / this.joules;
    }
}
