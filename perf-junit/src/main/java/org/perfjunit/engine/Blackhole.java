package org.perfjunit.engine;

import java.lang.ref.WeakReference;

/**
 * Consumes results so the JIT cannot prove them unused and delete the work that produced them.
 * Same idea as JMH's {@code Blackhole}: a branch that, rarely and unpredictably for the compiler,
 * depends on the value and publishes it to a field, without a volatile store on every call. One
 * instance per measuring thread.
 *
 * <p>The counter is a Weyl sequence (one add per call) rather than a linear congruential generator,
 * whose multiply sits on a loop-carried dependency chain; {@link TargetLoop} keeps it in a local
 * across a batch, so consuming costs an add, a compare and a rarely taken branch. Boxed primitives
 * are consumed and kept by value: the box does not escape, the JIT removes it, and it is not
 * counted as the measured code's allocation. The last result of a batch is boxed again by
 * {@link #last()} only after the measured region.
 */
public final class Blackhole {

    /** Odd, so the low bits of the sequence run through every value before repeating. */
    public static final long STEP = 0x9E3779B97F4A7C15L;

    private long seed = System.nanoTime();
    private long mask = 1;
    private long publishedBits;
    private WeakReference<Object> published;
    private Object lastReference;
    private long lastBits;
    private char lastKind;

    /** Consumes one value (for callers outside a batch loop). */
    public void consume(Object value) {
        seed += STEP;
        if (((seed ^ bits(value)) & mask) == 0) {
            publish(value);
        }
    }

    /** The value last kept at the end of a batch, boxed again if it was a boxed primitive. */
    public Object last() {
        return switch (lastKind) {
            case 'D' -> Double.longBitsToDouble(lastBits);
            case 'J' -> lastBits;
            case 'I' -> (int) lastBits;
            case 'F' -> Float.intBitsToFloat((int) lastBits);
            default -> lastReference;
        };
    }

    public long seed() {
        return seed;
    }

    public long mask() {
        return mask;
    }

    /** A boxed primitive's value bits, else 0 (the reference itself is what {@link #publish} keeps). */
    public static long bits(Object value) {
        if (value instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        } else if (value instanceof Long l) {
            return l;
        } else if (value instanceof Integer i) {
            return i;
        } else if (value instanceof Float f) {
            return Float.floatToRawIntBits(f);
        }
        return 0;
    }

    /** The rare branch: publishes the value (a box by value) and widens the mask; returns the new mask. */
    public long publish(Object value) {
        if (boxKind(value) != 0) {
            return publishBits(bits(value));
        }
        published = new WeakReference<>(value);
        return widen();
    }

    /** The rare branch for a primitive result. */
    public long publishBits(long bits) {
        publishedBits = bits;
        return widen();
    }

    private long widen() {
        mask = (mask << 1) + 1;
        return mask;
    }

    /** Stores the batch's counter and keeps its last result (a box by value). */
    public void finish(long seed, Object last) {
        this.seed = seed;
        char kind = boxKind(last);
        if (kind != 0) {
            keep(kind, bits(last));
        } else {
            lastKind = 'L';
            lastReference = last;
        }
    }

    /** Stores the batch's counter and keeps its last primitive result ({@code 'D'} or {@code 'J'}). */
    public void finishBits(long seed, char kind, long bits) {
        this.seed = seed;
        keep(kind, bits);
    }

    /** The kind of boxed primitive ({@code 'D', 'J', 'I', 'F'}, as in {@link #last()}), or 0 for any other value. */
    private static char boxKind(Object last) {
        if (last instanceof Double) {
            return 'D';
        } else if (last instanceof Long) {
            return 'J';
        } else if (last instanceof Integer) {
            return 'I';
        } else if (last instanceof Float) {
            return 'F';
        }
        return 0;
    }

    private void keep(char kind, long bits) {
        lastKind = kind;
        lastBits = bits;
        lastReference = null;
    }
}
