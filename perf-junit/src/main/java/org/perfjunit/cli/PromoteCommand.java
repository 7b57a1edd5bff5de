package org.perfjunit.cli;

import org.perfjunit.baseline.BaselineEntry;
import org.perfjunit.baseline.BaselineFile;
import org.perfjunit.baseline.BaselineLocator;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.BaselineStore;
import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code baseline promote <results.json> [--dir baselines]}: accepts a run as the new baseline. */
final class PromoteCommand {

    private final Arguments arguments;

    PromoteCommand(Arguments arguments) {
        this.arguments = arguments;
    }

    int run(PrintStream out) {
        arguments.expectPositional(1, "<results.json>");
        String dir = arguments.options().get("--dir");
        BaselineStore store = new BaselineStore(BaselineLocator.locate(Path.of(""), dir == null ? null : Path.of(dir)));
        int promoted = 0;
        for (RunResults run : RunFiles.runs(Path.of(arguments.positional().get(0)))) {
            String key = EnvironmentKey.of(run.environment());
            Map<String, List<TestResult>> byClass = run.tests().stream()
                    .filter(t -> !t.metrics().isEmpty())
                    .collect(Collectors.groupingBy(TestResult::className, TreeMap::new, Collectors.toList()));
            for (Map.Entry<String, List<TestResult>> e : byClass.entrySet()) {
                store.update(key, e.getKey(), file -> {
                    BaselineFile next = file;
                    for (TestResult t : e.getValue()) {
                        next = next.with(BaselineEntry.of(t, run.environment(), BaselineSettings.DEFAULT_MAX_SAMPLES));
                    }
                    return next;
                });
                promoted += e.getValue().size();
                out.println("promoted " + e.getValue().size() + " test(s) into " + store.fileFor(key, e.getKey()));
            }
        }
        out.println("promoted " + promoted + " test(s); review and commit " + store.directory());
        return PerfJunitCli.OK;
    }
}
