package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package layout, checked on the main sources: the JUnit-free core never imports the public face,
 * the JUnit glue or the settings readers, nor JUnit; no package imports one above it. The only upward
 * references allowed are the annotations' {@code @ExtendWith} naming their entry point.
 */
@DisplayName("Package layering")
class LayeringTests {

    private static final Path MAIN = Path.of("src/main/java");

    /** Packages perf-junit code in each package may use, besides its own ("" = the public face). */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("revision", Set.of()),
            Map.entry("stats", Set.of("model")),
            Map.entry("machine", Set.of("model")),
            Map.entry("verdict", Set.of("model", "stats")),
            Map.entry("baseline", Set.of("model", "stats")),
            Map.entry("fork", Set.of("model", "stats")),
            Map.entry("report", Set.of("model", "stats")),
            Map.entry("engine", Set.of("model", "stats", "machine", "verdict")),
            Map.entry("cli", Set.of("model", "stats", "baseline", "report")),
            Map.entry("", Set.of("model", "stats")),
            Map.entry("settings", Set.of("", "model", "stats", "machine", "verdict", "baseline", "fork", "report",
                    "engine", "revision")),
            Map.entry("extension", Set.of("", "settings", "model", "stats", "machine", "verdict", "baseline", "fork",
                    "report", "engine", "revision")),
            Map.entry(LayerRules.ENTRY, Set.of("", "extension", "settings", "model", "stats", "machine", "verdict",
                    "baseline", "fork", "report", "engine", "revision")));

    /** Packages that must not use JUnit or opentest4j at all. */
    static final Set<String> JUNIT_FREE = Set.of("model", "stats", "machine", "verdict", "baseline", "fork", "report",
            "engine", "cli", "revision");

    @Test
    @DisplayName("the main sources import nothing above their layer")
    void mainSourcesRespectTheLayers() throws IOException {
        assertThat(LayerRules.violations(mainSources(), ALLOWED, JUNIT_FREE)).isEmpty();
    }

    @Test
    @DisplayName("every main package says its role in a package-info.java")
    void everyPackageHasAPackageInfo() throws IOException {
        Set<Path> packages = new TreeSet<>();
        Set<Path> documented = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                packages.add(f.getParent());
                if (f.getFileName().toString().equals("package-info.java")) {
                    documented.add(f.getParent());
                }
            });
        }
        assertThat(documented).containsExactlyElementsOf(packages);
    }

    @Test
    @DisplayName("the checker finds upward imports, fully qualified names, JUnit in the core and face-to-entry references")
    void theCheckerCatchesEachKindOfViolation() {
        Map<String, String> fixture = new TreeMap<>();
        fixture.put("org/perfjunit/engine/Up.java", """
                package org.perfjunit.engine;
                import org.perfjunit.extension.MeasuredTest;
                class Up {}
                """);
        fixture.put("org/perfjunit/model/Fqn.java", """
                package org.perfjunit.model;
                class Fqn { org.perfjunit.stats.SummaryCalculator calculator; // org.perfjunit.engine.Sampler in a comment is fine
                    String s = "org.perfjunit.engine.Sampler in a string is fine"; }
                """);
        fixture.put("org/perfjunit/report/UsesJUnit.java", """
                package org.perfjunit.report;
                import org.junit.platform.launcher.TestPlan;
                class UsesJUnit {}
                """);
        fixture.put("org/perfjunit/Face.java", """
                package org.perfjunit;
                import org.perfjunit.settings.PerfSettings;
                @ExtendWith(PerformanceExtension.class)
                @interface Face { String KEY = PerformanceExtension.SAMPLER_SEAM_KEY; }
                """);
        fixture.put("org/perfjunit/Fine.java", """
                package org.perfjunit;
                import org.perfjunit.model.Statistic;
                @ExtendWith(RequiresHardwareCondition.class)
                @interface Fine { Statistic statistic(); }
                """);
        fixture.put("org/perfjunit/PerformanceExtension.java", """
                package org.perfjunit;
                import org.perfjunit.extension.MeasuredTest;
                final class PerformanceExtension {}
                """);
        fixture.put("org/perfjunit/stats/Static.java", """
                package org.perfjunit.stats;
                import static org.perfjunit.engine.Loops.forTarget;
                class Static {}
                """);

        List<String> violations = LayerRules.violations(fixture, ALLOWED, JUNIT_FREE);

        assertThat(violations).containsExactlyInAnyOrder(
                "org/perfjunit/engine/Up.java (engine) uses org.perfjunit.extension.MeasuredTest (extension)",
                "org/perfjunit/model/Fqn.java (model) uses org.perfjunit.stats.SummaryCalculator (stats)",
                "org/perfjunit/report/UsesJUnit.java (report) uses org.junit.platform.launcher.TestPlan (JUnit in the core)",
                "org/perfjunit/Face.java (public face) uses org.perfjunit.settings.PerfSettings (settings)",
                "org/perfjunit/Face.java (public face) uses PerformanceExtension outside @ExtendWith (entry point)",
                "org/perfjunit/stats/Static.java (stats) uses org.perfjunit.engine.Loops (engine)");
    }

    private static Map<String, String> mainSources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(MAIN.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
        return sources;
    }

    /** The rules over sources keyed by path relative to the source root. */
    static final class LayerRules {

        /** The layer of the entry points the annotations name. */
        static final String ENTRY = "entry point";
        static final Set<String> ENTRY_POINTS = Set.of("PerformanceExtension", "RequiresHardwareCondition");

        private static final Pattern REFERENCE = Pattern.compile(
                "(?<![\\w.])((?:org\\.perfjunit|org\\.junit|org\\.opentest4j)(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");
        private static final Pattern COMMENT_OR_STRING = Pattern.compile(
                "//[^\\n]*|/\\*.*?\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);
        private static final Pattern EXTEND_WITH = Pattern.compile("@ExtendWith\\(\\s*(\\w+)\\.class\\s*\\)");

        private LayerRules() {
        }

        static List<String> violations(Map<String, String> sources, Map<String, Set<String>> allowed, Set<String> junitFree) {
            List<String> violations = new ArrayList<>();
            sources.forEach((path, source) -> {
                String layer = layer(path);
                String code = COMMENT_OR_STRING.matcher(source).replaceAll(" ");
                Set<String> seen = new TreeSet<>();
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String pkg = m.group(1);
                    String type = pkg + "." + m.group(2);
                    if (!seen.add(type)) {
                        continue;
                    }
                    if (pkg.startsWith("org.junit") || pkg.startsWith("org.opentest4j")) {
                        if (junitFree.contains(layer)) {
                            violations.add(path + " (" + name(layer) + ") uses " + type + " (JUnit in the core)");
                        }
                        continue;
                    }
                    String target = pkg.equals("org.perfjunit")
                            ? (ENTRY_POINTS.contains(m.group(2)) ? ENTRY : "")
                            : pkg.substring("org.perfjunit.".length()).split("\\.")[0];
                    if (!target.equals(layer) && !allowed.getOrDefault(layer, Set.of()).contains(target)) {
                        violations.add(path + " (" + name(layer) + ") uses " + type + " (" + name(target) + ")");
                    }
                }
                if (layer.isEmpty()) {
                    String withoutExtendWith = EXTEND_WITH.matcher(code).replaceAll(" ");
                    for (String entry : ENTRY_POINTS) {
                        if (Pattern.compile("(?<![\\w.])" + entry + "(?!\\w)").matcher(withoutExtendWith).find()) {
                            violations.add(path + " (public face) uses " + entry + " outside @ExtendWith (entry point)");
                        }
                    }
                }
            });
            return violations;
        }

        /** {@code org/perfjunit/engine/Sampler.java} is in {@code engine}; a root file in the face or an entry point. */
        private static String layer(String path) {
            String[] parts = path.split("/");
            if (parts.length == 3) {
                return ENTRY_POINTS.contains(parts[2].replace(".java", "")) ? ENTRY : "";
            }
            return parts[2];
        }

        private static String name(String layer) {
            return layer.isEmpty() ? "public face" : layer;
        }
    }
}
