package org.perfjunit.extension;

import org.perfjunit.report.GithubBenchmarkExport;
import org.perfjunit.report.HistoryFile;
import org.perfjunit.report.ReportFormat;
import org.perfjunit.report.ResultFiles;
import org.perfjunit.report.RunResultsFile;
import org.perfjunit.report.SyntheticRuns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** End to end: a launcher runs fixture tests whose extension writes result files; the listener writes reports. */
class PerfReportListenerTests {

    @TempDir
    Path dir;

    @Test
    void theServiceLoadedListenerWritesEveryReportWhenPerformanceTestsRan() throws Exception {
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request(FixtureTestCase.class, "false"));

        Path reports = dir.resolve("reports");
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(reports.resolve(format.fileName())).isNotEmptyFile();
        }
        assertThat(reports.resolve(GithubBenchmarkExport.BIGGER_IS_BETTER_FILE)).isNotEmptyFile();
        RunResults run = RunResultsFile.read(reports.resolve("perf-results.json"));
        assertThat(run.tests()).extracting(TestResult::methodName).containsExactlyInAnyOrder("first", "second");
        assertThat(run.environment()).isNotNull();
        assertThat(HistoryFile.readLast(dir.resolve("history.jsonl"), 10)).hasSize(1);
    }

    @Test
    void printsTheSummaryTableAndStaysSilentWithoutPerformanceTests() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new PerfReportListener(print(out), print(err))).build());

        launcher.execute(request(PlainTestCase.class, "true"));
        assertThat(out.size()).isZero();
        assertThat(dir.resolve("reports")).doesNotExist();

        launcher.execute(request(FixtureTestCase.class, "true"));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("perf-junit: 2 tests measured\nVerdict")
                .contains("CompilerBenchmarkTests.first", "perf-report.html");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadConfigurationValueBecomesAWarningNotACrash() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new PerfReportListener(print(new ByteArrayOutputStream()), print(err))).build());

        launcher.execute(org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FixtureTestCase.class)).enableImplicitConfigurationParameters(false)
                .configurationParameter("fixture.report.dir", dir.resolve("reports").toString())
                .configurationParameter("perf.junit.report.dir", dir.resolve("reports").toString())
                .configurationParameter("perf.junit.history.retention", "lots").build());

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("[perf-junit] WARNING: reports not written")
                .contains("perf.junit.history.retention", "[lots]");
    }

    private LauncherDiscoveryRequest request(Class<?> fixture, String console) {
        return org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture)).enableImplicitConfigurationParameters(false)
                .configurationParameter("fixture.report.dir", dir.resolve("reports").toString())
                .configurationParameter("perf.junit.report.dir", dir.resolve("reports").toString())
                .configurationParameter("perf.junit.history.file",
                        dir.resolve("history.jsonl").toString())
                .configurationParameter("perf.junit.report.console", console).build();
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** Stands in for the perf-junit extension: writes a result file and publishes its path. */
    static class ResultPublishingExtension implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            Path reportDir = context.getConfigurationParameter("fixture.report.dir").map(Path::of).orElse(null);
            if (reportDir == null) {
                return; // not run by PerfReportListenerTests
            }
            int index = context.getRequiredTestMethod().getName().equals("first") ? 0 : 1;
            TestResult synthetic = SyntheticRuns.test(index, new Random(index));
            TestResult result = new TestResult(context.getUniqueId(), synthetic.className(),
                    context.getRequiredTestMethod().getName(), context.getDisplayName(), synthetic.tags(),
                    synthetic.timestamp(), synthetic.metrics(), synthetic.run(), synthetic.checks(),
                    synthetic.comparisons(), synthetic.outcome(), synthetic.message());
            Path file = ResultFiles.write(reportDir, result);
            context.publishReportEntry(ResultFiles.REPORT_ENTRY_KEY, file.toString());
        }
    }

    @ExtendWith(ResultPublishingExtension.class)
    static class FixtureTestCase {
        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    static class PlainTestCase {
        @Test
        void notMeasured() {
        }
    }
}
