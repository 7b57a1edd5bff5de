package org.perfjunit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;
import org.perfjunit.machine.HardwareProbeException;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

@DisplayName("@RequiresHardware")
class RequiresHardwareTests {

    @BeforeEach
    void resetCounter() {
        FakeHardwareProbes.COUNTED_CALLS.set(0);
    }

    @Test
    void runsTheTestWhenTheHardwareIsPresent() {
        run(MethodLevelTestCase.class, Map.of()).testEvents().assertThatEvents()
                .haveExactly(1, event(test("present"), finishedSuccessfully()));
    }

    @Test
    void skipsWithTheProbesReasonWhenTheHardwareIsAbsent() {
        run(MethodLevelTestCase.class, Map.of()).testEvents().assertThatEvents()
                .haveExactly(1, event(test("absent"),
                        skippedWithReason("Required hardware [fake-absent] not present (probe: fake-absent unplugged)")));
    }

    @Test
    void namesEveryMissingPieceWithItsReason() {
        run(MethodLevelTestCase.class, Map.of()).testEvents().assertThatEvents()
                .haveExactly(1, event(test("twoAbsent"), skippedWithReason("Required hardware [fake-absent, fake-absent-2]"
                        + " not present (fake-absent: fake-absent unplugged; fake-absent-2: fake-absent-2 unplugged)")));
    }

    @Test
    void skipsTheWholeClassWhenClassLevelHardwareIsAbsent() {
        EngineExecutionResults results = run(ClassLevelTestCase.class, Map.of());
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(ClassLevelTestCase.class),
                skippedWithReason("Required hardware [fake-absent] not present (probe: fake-absent unplugged)")));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void composedAnnotationsAndMethodAnnotationsAreAllRequired() {
        EngineExecutionResults results = run(ComposedTestCase.class, Map.of());
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("onTheRig"), finishedSuccessfully()))
                .haveExactly(1, event(test("onTheRigWithAbsentExtra"),
                        skippedWithReason("Required hardware [fake-absent] not present (probe: fake-absent unplugged)")));
    }

    @Test
    void failsInsteadOfSkippingWhenConfiguredToFail() {
        run(MethodLevelTestCase.class, Map.of(RequiresHardware.MISSING_PROPERTY_NAME, "fail")).testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("absent"), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message("Required hardware [fake-absent] not present (probe: fake-absent unplugged)"))))
                .haveExactly(1, event(test("present"), finishedSuccessfully()));
    }

    @Test
    void failsTheWholeClassWhenConfiguredToFailAndClassLevelHardwareIsAbsent() {
        EngineExecutionResults results = run(ClassLevelTestCase.class, Map.of(RequiresHardware.MISSING_PROPERTY_NAME, "fail"));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(ClassLevelTestCase.class),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message("Required hardware [fake-absent] not present (probe: fake-absent unplugged)"))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void skipsWhenTheKeySaysSkipExplicitly() {
        run(MethodLevelTestCase.class, Map.of(RequiresHardware.MISSING_PROPERTY_NAME, "SKIP")).testEvents()
                .assertThatEvents().haveExactly(1, event(test("absent"), skippedWithReason(r -> r.startsWith("Required"))));
    }

    @Test
    void rejectsAnInvalidMissingHardwareMode() {
        run(MethodLevelTestCase.class, Map.of(RequiresHardware.MISSING_PROPERTY_NAME, "warn")).testEvents()
                .assertThatEvents().haveExactly(1, event(test("absent"),
                        finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                                message("Configuration error: [perf.junit.hardware.missing] must be [skip] or [fail], was [warn]."))));
    }

    @Test
    void anUnknownNameIsAConfigurationErrorListingTheKnownNames() {
        run(UnknownNameTestCase.class, Map.of()).testEvents().assertThatEvents()
                .haveExactly(1, event(test("typo"), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message("Configuration error: @RequiresHardware on [typo()] names unknown hardware [cdua];"
                                + " known names: [avx2, avx512f, cores>=<n>, cuda, fake-absent, fake-absent-2, fake-counted,"
                                + " fake-crash, fake-present, fma, memory>=<n>G, memory>=<n>M, rapl]. Fix the name or"
                                + " register a org.perfjunit.machine.HardwareProbe in META-INF/services."))));
    }

    @Test
    void aCrashingProbeIsAnErrorNamingTheProbeNotASkip() {
        run(CrashTestCase.class, Map.of()).testEvents().assertThatEvents()
                .haveExactly(1, event(test("crashes"), finishedWithFailure(instanceOf(HardwareProbeException.class),
                        message("Hardware probe [fake-crash] (org.perfjunit.FakeHardwareProbes$Crash) failed:"
                                + " java.lang.IllegalStateException: driver exploded"))));
    }

    @Test
    void probesEachNameOncePerRun() {
        EngineExecutionResults results = run(CachingTestCase.class, Map.of());
        assertThat(results.testEvents().succeeded().count()).isEqualTo(3);
        assertThat(FakeHardwareProbes.COUNTED_CALLS).hasValue(1);
    }

    @Test
    void tagsTestsSoThatExcludedGroupsLeavesThemOut() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .selectors(selectClass(ComposedTestCase.class), selectClass(UntaggedTestCase.class))
                .filters(TagFilter.excludeTags("hardware"))
                .execute();
        assertThat(results.testEvents().started().count()).isEqualTo(1);
        results.testEvents().assertThatEvents().haveExactly(1, event(test("plain"), finishedSuccessfully()));
    }

    private static EngineExecutionResults run(Class<?> testCase, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(configuration)
                .selectors(selectClass(testCase))
                .execute();
    }

    static class MethodLevelTestCase {
        @Test
        @RequiresHardware("fake-present")
        void present() {
        }

        @Test
        @RequiresHardware("fake-absent")
        void absent() {
        }

        @Test
        @RequiresHardware({"fake-present", "fake-absent", "fake-absent-2"})
        void twoAbsent() {
        }
    }

    @RequiresHardware("fake-absent")
    static class ClassLevelTestCase {
        @Test
        void neverRuns() {
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @RequiresHardware("fake-present")
    @interface FakeRig {
    }

    static class ComposedTestCase {
        @Test
        @FakeRig
        void onTheRig() {
        }

        @Test
        @FakeRig
        @RequiresHardware("fake-absent")
        void onTheRigWithAbsentExtra() {
        }
    }

    static class UntaggedTestCase {
        @Test
        void plain() {
        }
    }

    static class UnknownNameTestCase {
        @Test
        @RequiresHardware("cdua")
        void typo() {
        }
    }

    static class CrashTestCase {
        @Test
        @RequiresHardware("fake-crash")
        void crashes() {
        }
    }

    @RequiresHardware("fake-counted")
    static class CachingTestCase {
        @Test
        @RequiresHardware("fake-counted")
        void one() {
        }

        @Test
        @RequiresHardware("fake-counted")
        void two() {
        }

        @Test
        void three() {
        }
    }
}
