package org.perfjunit.report;

import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.UnitFormat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How reports name, rank and summarize one test, so every format says the same thing. */
final class TestLabel {

    /** An invocation id: {@code Class#method(params)[n]}, optionally followed by its display name. */
    private static final Pattern INVOCATION = Pattern.compile(".*\\)\\[\\d+](?: .*)?", Pattern.DOTALL);

    private TestLabel() {
    }

    /** {@code SimpleClass.method}, plus the display name for parameterized invocations. */
    static String shortName(TestResult t) {
        String base = methodLabel(t.className(), t.methodName() == null ? t.id() : t.methodName());
        return isInvocation(t) && t.displayName() != null ? base + " " + t.displayName() : base;
    }

    /** {@code SimpleClass.method}. */
    static String methodLabel(String className, String methodName) {
        String cls = className == null ? "" : className;
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        return (simple.isEmpty() ? "" : simple + ".") + methodName;
    }

    /**
     * Whether the test is one invocation of a parameterized/repeated test: its id ends in
     * {@code (params)[n]}, optionally followed by the invocation's display name ({@code TestIdentity}).
     */
    static boolean isInvocation(TestResult t) {
        return t.id() != null && INVOCATION.matcher(t.id()).matches();
    }

    /** The comparison that matters most (worst level first), or null. */
    static Comparison worstComparison(TestResult t) {
        return t.comparisons().stream().min(Comparator.comparingInt(c -> levelRank(c.level()))).orElse(null);
    }

    /** Sort key: failures and regressions first, then noisy, then the rest. */
    static int severity(TestResult t) {
        int outcome = switch (t.outcome() == null ? Outcome.PASSED : t.outcome()) {
            case ERROR -> 0;
            case FAILED -> 1;
            default -> 9;
        };
        Comparison worst = worstComparison(t);
        int level = worst == null ? 9 : levelRank(worst.level()) + 2;
        int inconclusive = t.outcome() == Outcome.INCONCLUSIVE ? 5 : 9;
        return Math.min(outcome, Math.min(level, inconclusive));
    }

    private static int levelRank(Level level) {
        return switch (level) {
            case CRITICAL -> 0;
            case WARNING -> 1;
            case INCONCLUSIVE -> 3;
            case IMPROVEMENT -> 4;
            case STABLE -> 5;
            case NEW -> 6;
            case OTHER_MACHINE -> 7;
        };
    }

    /** Regressions first, then by name. */
    static List<TestResult> ordered(List<TestResult> tests) {
        return tests.stream().sorted(Comparator.comparingInt(TestLabel::severity)
                .thenComparing(TestResult::id, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** One word for the outcome column, e.g. {@code FAILED}, {@code REGRESSED} (a baseline warning), {@code PASSED}. */
    static String verdict(TestResult t) {
        Outcome outcome = t.outcome() == null ? Outcome.PASSED : t.outcome();
        Comparison worst = worstComparison(t);
        if (outcome == Outcome.PASSED || outcome == Outcome.REPORTED) {
            if (worst != null && (worst.level() == Level.WARNING || worst.level() == Level.CRITICAL)) {
                return "REGRESSED";
            }
            if (worst != null && worst.level() == Level.IMPROVEMENT) {
                return "IMPROVED";
            }
        }
        return outcome.name();
    }

    /** The baseline column: {@code +12.3% (WARNING)}, {@code new}, or empty. */
    static String baselineChange(TestResult t) {
        Comparison c = worstComparison(t);
        if (c == null) {
            return "";
        }
        if (c.level() == Level.OTHER_MACHINE) {
            return c.ratio() == null ? "other machine"
                    : UnitFormat.percentChange(c.ratio()) + " (other machine, not judged)";
        }
        if (c.level() == Level.NEW || c.ratio() == null) {
            return "new";
        }
        String metric = "time".equals(c.metric()) ? "" : c.metric() + " ";
        return metric + UnitFormat.percentChange(c.ratio()) + " " + c.level().name().toLowerCase(Locale.ROOT);
    }
}
