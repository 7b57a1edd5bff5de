package org.perfjunit.fork;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("ChildPlacement")
class ChildPlacementTests {

    @Test
    @DisplayName("reads the CPUs this process may use from /proc/self/status, ranges and lists alike")
    void allowedCpus() {
        assertThat(ChildPlacement.allowedCpus("Name:\tjava\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\nMems: 1\n"))
                .containsExactly(0, 1);
        assertThat(ChildPlacement.allowedCpus("Cpus_allowed_list:\t0-2,5,8-9\n")).containsExactly(0, 1, 2, 5, 8, 9);
        assertThat(ChildPlacement.allowedCpus("Cpus_allowed_list:\t7\n")).containsExactly(7);
        assertThat(ChildPlacement.allowedCpus("Name:\tjava\n")).isEmpty();
        assertThat(ChildPlacement.allowedCpus("Cpus_allowed_list:\t0-x\n")).isEmpty();
    }

    @Test
    @DisplayName("the first child goes where the scheduler puts it, the others are pinned across the CPUs")
    void spread() {
        assertThat(ChildPlacement.spread(3, List.of(0, 1), 2)).containsExactly(ChildPlacement.unpinned(),
                new ChildPlacement(0, 2), new ChildPlacement(1, 2));
        assertThat(ChildPlacement.spread(3, List.of(0, 1, 2, 3, 4, 5, 6, 7), 8)).extracting(ChildPlacement::cpu)
                .containsExactly(-1, 0, 4);
        assertThat(ChildPlacement.spread(5, List.of(0, 1), 2)).extracting(ChildPlacement::cpu)
                .containsExactly(-1, 0, 0, 1, 1);
        assertThat(ChildPlacement.spread(1, List.of(0, 1), 2)).containsExactly(ChildPlacement.unpinned());
    }

    @Test
    @DisplayName("nothing is pinned where it cannot be: one CPU, or no taskset (the CPU list is empty then)")
    void nothingToSpreadOver() {
        assertThat(ChildPlacement.spread(3, List.of(), 2)).allMatch(p -> !p.pinned()).hasSize(3);
        assertThat(ChildPlacement.spread(3, List.of(4), 1)).allMatch(p -> !p.pinned()).hasSize(3);
        assertThat(ChildPlacement.describe(ChildPlacement.spread(3, List.of(), 2))).isEmpty();
    }

    @Test
    @DisplayName("a pinned child starts under taskset, with this JVM's processor count before its own arguments")
    void command() {
        List<String> command = ForkedJvm.command(new ChildPlacement(1, 2), "Main", List.of("-Xmx1g"), Path.of("r"));
        assertThat(command.subList(0, 3)).containsExactly("taskset", "-c", "1");
        assertThat(command.subList(4, 6)).containsExactly("-XX:ActiveProcessorCount=2", "-Xmx1g");
        assertThat(ForkedJvm.command(ChildPlacement.unpinned(), "Main", List.of("-Xmx1g"), Path.of("r")).get(1))
                .isEqualTo("-Xmx1g");
        assertThat(ChildPlacement.describe(List.of(ChildPlacement.unpinned(), new ChildPlacement(0, 2),
                new ChildPlacement(1, 2))))
                .isEqualTo(" (the first where the scheduler puts it, the others pinned with taskset to CPU 0, 1)");
    }

    static class CpuReportingTestCase {
        @Test
        void reports() throws Exception {
            String status = Files.readString(Path.of("/proc/self/status"));
            System.out.println("allowed " + ChildPlacement.allowedCpus(status) + " processors "
                    + Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    @DisplayName("on a machine that can pin, the child runs on that CPU alone and still sees this JVM's processors")
    void pinnedChild(@TempDir Path dir) throws Exception {
        List<ChildPlacement> placements = ChildPlacement.spread(3);
        assumeTrue(placements.stream().anyMatch(ChildPlacement::pinned), "this machine cannot pin (not Linux, one CPU "
                + "or no taskset)");
        ChildPlacement last = placements.get(placements.size() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String id = "[engine:junit-jupiter]/[class:" + CpuReportingTestCase.class.getName() + "]/[method:reports()]";
        ForkOutcome outcome = ForkedJvm.run("org.perfjunit.extension.ForkedTestMain", dir, id, Map.of(), List.of(),
                last, Duration.ofMinutes(2), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(outcome.successful()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("allowed [" + last.cpu() + "] processors "
                + Runtime.getRuntime().availableProcessors());
    }
}
