package org.perfjunit.revision;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionBuildTests {

    @Test
    @DisplayName("a failed build is reported by its last 30 lines, without colour codes, and the command to reproduce it")
    void notCompiledMessage() {
        String output = IntStream.rangeClosed(1, 40).mapToObj(i -> "\u001B[1;31m[ERROR]\u001B[m line " + i)
                .collect(Collectors.joining("\n"));
        BaseBuild.Result result = new BaseBuild.Result(false, "mvn -B -q -DskipTests test-compile", Path.of("/base/tree"),
                output);

        String message = RevisionBuild.notCompiled(new Revision("HEAD~1", "0123456789abcdef"), result,
                Path.of("/base/build-root.log"));

        assertThat(message).startsWith("The base revision HEAD~1 (0123456) does not compile, so it cannot be measured."
                        + " End of the build output:" + System.lineSeparator() + "[ERROR] line 11" + System.lineSeparator())
                .contains("[ERROR] line 40" + System.lineSeparator()
                        + "Reproduce with: cd /base/tree && mvn -B -q -DskipTests test-compile" + System.lineSeparator()
                        + "Full log: /base/build-root.log")
                .doesNotContain("line 10" + System.lineSeparator(), "\u001B");
    }
}
