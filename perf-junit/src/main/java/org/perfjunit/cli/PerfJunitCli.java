package org.perfjunit.cli;

import org.perfjunit.model.UnusableFileException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Command-line entry point of {@code perf-junit.jar}, for CI scripts:
 * <pre>
 * java -jar perf-junit.jar compare &lt;baseline.json|dir&gt; &lt;results.json|dir&gt; [--fail-on regression|warning] [--format text|json|markdown] [--config file]
 * java -jar perf-junit.jar baseline promote &lt;results.json&gt; [--dir baselines]
 * </pre>
 * Exit codes: {@value #OK} ok, {@value #REGRESSION} regression, {@value #BAD_INPUT} bad input or usage.
 */
public final class PerfJunitCli {

    /** Exit code: nothing to fail on. */
    public static final int OK = 0;
    /** Exit code: a regression at or above the {@code --fail-on} level. */
    public static final int REGRESSION = 1;
    /** Exit code: unreadable or malformed input, or wrong usage. */
    public static final int BAD_INPUT = 2;

    static final String HELP = String.join("\n",
            "Usage:",
            "  perf-junit compare <baseline.json|dir> <results.json|dir> [--fail-on regression|warning]"
                    + " [--format text|json|markdown] [--config junit-platform.properties]",
            "      Compares a run (perf-results.json, or a directory searched for perf-results.json files)",
            "      with baselines (a baseline file, a baselines/ directory, or another perf-results.json).",
            "      --fail-on regression  exit 1 on a CRITICAL verdict (default)",
            "      --fail-on warning     exit 1 on a WARNING or CRITICAL verdict",
            "      --config FILE         thresholds etc. from the perf.junit.baseline.* keys in FILE (as the tests)",
            "      Each test's metrics are those its own @Baseline gate compared (recorded in the results),",
            "      else the configured or default ones.",
            "      Regressions are re-checked with a Holm correction across all comparisons of the run.",
            "  perf-junit baseline promote <results.json> [--dir baselines]",
            "      Accepts a run as the new baseline: writes <dir>/<environment-key>/<TestClass>.json.",
            "      Default dir: baselines/ at the top of the enclosing git checkout.",
            "  perf-junit --help",
            "",
            "Exit codes: 0 ok, 1 regression, 2 bad input or usage.");

    private PerfJunitCli() {
    }

    /** Runs the command and exits the JVM with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command, writing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
                out.println(HELP);
                return args.length == 0 ? BAD_INPUT : OK;
            }
            if (args[0].equals("compare")) {
                return new CompareCommand(Arguments.parse(Arrays.copyOfRange(args, 1, args.length),
                        "--fail-on", "--format", "--config")).run(out);
            }
            if (args[0].equals("baseline") && args.length > 1 && args[1].equals("promote")) {
                return new PromoteCommand(Arguments.parse(Arrays.copyOfRange(args, 2, args.length), "--dir")).run(out);
            }
            throw new UsageException("unknown command [" + String.join(" ", args) + "]");
        } catch (UsageException e) {
            err.println("perf-junit: " + e.getMessage() + "\n\n" + HELP);
            return BAD_INPUT;
        } catch (UnusableFileException | UncheckedIOException | IllegalArgumentException e) {
            err.println("perf-junit: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
