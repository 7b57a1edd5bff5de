package org.perfjunit.fork;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("ForkedJvm")
class ForkedJvmTests {

    static class PrintingTestCase {
        @Test
        void prints() {
            System.out.println("hello from pid " + ProcessHandle.current().pid() + " with marker "
                    + System.getProperty("perf.junit.test.marker"));
            System.err.println("and on stderr");
        }
    }

    @Test
    @DisplayName("runs the selected test in a child JVM with the given JVM arguments and forwards its output")
    void forwardsOutputAndJvmArgs(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String id = "[engine:junit-jupiter]/[class:" + PrintingTestCase.class.getName() + "]/[method:prints()]";
        ForkOutcome outcome = ForkedJvm.run("org.perfjunit.extension.ForkedTestMain", dir, id, Map.of(), List.of("-Dperf.junit.test.marker=42"),
                ChildPlacement.unpinned(), Duration.ofMinutes(2),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(outcome.successful()).isTrue();
        assertThat(outcome.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("hello from pid " + outcome.pid() + " with marker 42");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("and on stderr");
    }

    @Test
    @DisplayName("an unknown unique id comes back as NOT_RUN with the id")
    void unknownTest(@TempDir Path dir) throws Exception {
        String id = "[engine:junit-jupiter]/[class:" + PrintingTestCase.class.getName() + "]/[method:missing()]";
        ForkOutcome outcome = ForkedJvm.run("org.perfjunit.extension.ForkedTestMain", dir, id, Map.of(), List.of(),
                ChildPlacement.unpinned(), Duration.ofMinutes(2),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(outcome.status()).isIn("NOT_RUN", "FAILED");
        assertThat(outcome.successful()).isFalse();
    }

    @Test
    @DisplayName("under Surefire's manifest-only booter jar the test class path comes from surefire.test.class.path")
    void classPath() {
        String sep = File.pathSeparator;
        assertThat(ForkedJvm.classPath("/tmp/surefire/surefirebooter-2024.jar", "a.jar" + sep + "b.jar"))
                .isEqualTo("a.jar" + sep + "b.jar");
        assertThat(ForkedJvm.classPath("x.jar" + sep + "y.jar", "a.jar")).isEqualTo("x.jar" + sep + "y.jar");
        assertThat(ForkedJvm.classPath("/tmp/surefire/surefirebooter-2024.jar", null))
                .isEqualTo("/tmp/surefire/surefirebooter-2024.jar");
        assertThat(ForkedJvm.classPath("", "a.jar")).isEqualTo("a.jar");
    }
}
