package org.perfjunit.engine;

import org.perfjunit.engine.MeasurementWatchdog.ThreadMode;

import java.time.Duration;

/**
 * A test's measurement timeout and where sampling runs, resolved from annotations and keys; turns
 * into the {@link MeasurementWatchdog} of each sampling pass.
 *
 * @param explicit the timeout set by the user, {@link Duration#ZERO} for none, or null to derive it
 *                 from the sampler settings ({@code 2 x maxWarmupTime + maxTime + grace})
 * @param origin   where an explicit timeout was set, for the message, e.g. {@code (@Performance(timeout = "2s"))}
 * @param advice   what the timeout message tells the user to do
 * @param mode     the thread sampling runs on
 */
public record TimeoutPolicy(Duration explicit, String origin, String advice, ThreadMode mode) {

    /** A derived timeout on a separate thread. */
    public static TimeoutPolicy derived(String advice) {
        return new TimeoutPolicy(null, "", advice, ThreadMode.SEPARATE);
    }

    /** The watchdog of one sampling pass of test {@code id} with {@code settings}. */
    public MeasurementWatchdog watchdog(String id, SamplerSettings settings) {
        if (explicit != null && explicit.isZero()) {
            return new MeasurementWatchdog(id, null, "", advice, mode);
        }
        if (explicit != null) {
            return new MeasurementWatchdog(id, explicit, origin, advice, mode);
        }
        return new MeasurementWatchdog(id, MeasurementWatchdog.derivedLimit(settings),
                MeasurementWatchdog.derivedOrigin(settings), advice, mode);
    }
}
