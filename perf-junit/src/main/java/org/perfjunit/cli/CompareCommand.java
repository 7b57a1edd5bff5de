package org.perfjunit.cli;

import org.perfjunit.baseline.BaselineComparator;
import org.perfjunit.baseline.BaselineEntry;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.HolmCorrection;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.model.Level;
import org.perfjunit.model.MachineSignature;
import org.perfjunit.model.Metric;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code compare <baseline.json|dir> <results.json|dir>}: the verdict of a whole run, as an exit code. */
final class CompareCommand {

    private final Arguments arguments;

    CompareCommand(Arguments arguments) {
        this.arguments = arguments;
    }

    int run(PrintStream out) {
        arguments.expectPositional(2, "<baseline.json|dir> <results.json|dir>");
        String failOn = arguments.option("--fail-on", "regression", "regression", "warning");
        String format = arguments.option("--format", "text", "text", "json", "markdown");
        List<RunResults> runs = RunFiles.runs(Path.of(arguments.positional().get(1)));
        String key = EnvironmentKey.of(runs.get(0).environment());
        Map<String, BaselineEntry> references = RunFiles.references(Path.of(arguments.positional().get(0)), key);

        BaselineSettings settings = arguments.options().containsKey("--config")
                ? ConfigFile.settings(Path.of(arguments.options().get("--config"))) : BaselineSettings.defaults();
        BaselineComparator comparator = new BaselineComparator();
        List<String> tests = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (RunResults run : runs) {
            for (TestResult test : run.tests()) {
                BaselineEntry reference = references.get(test.id());
                List<String> names = comparedMetrics(test, settings);
                for (String name : names) {
                    Metric current = test.metric(name);
                    Metric base = reference == null ? null : reference.metric(name);
                    List<String> differences = reference == null ? List.of()
                            : MachineSignature.differences(reference.environment(), run.environment());
                    tests.add(test.id());
                    comparisons.add(base == null ? BaselineComparator.recordedAsNew(current, settings.statistic())
                            : !differences.isEmpty() ? BaselineComparator.otherMachine(base, current,
                                    settings.statistic(), String.join(", ", differences))
                            : comparator.compare(base, current, settings, names.size()));
                }
            }
        }
        comparisons = HolmCorrection.apply(comparisons, 1 - settings.confidence());
        boolean failed = comparisons.stream().anyMatch(c -> c.level() == Level.CRITICAL
                || (failOn.equals("warning") && c.level() == Level.WARNING));
        int exit = failed ? PerfJunitCli.REGRESSION : PerfJunitCli.OK;
        out.print(new ComparisonReport(tests, comparisons).render(format, exit));
        return exit;
    }

    /**
     * The metrics the test's own baseline gate compared (recorded in the results), so the command
     * line judges what the test's {@code @Baseline} chose; else the configured or default metrics.
     */
    private static List<String> comparedMetrics(TestResult test, BaselineSettings settings) {
        List<String> gated = test.comparisons().stream().map(Comparison::metric).distinct()
                .filter(n -> test.metric(n) != null).toList();
        return !gated.isEmpty() ? gated
                : settings.comparedMetrics().stream().filter(n -> test.metric(n) != null).toList();
    }
}
