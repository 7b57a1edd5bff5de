package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.RunResults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders the HTML report in real headless Chromium (Debian's {@code chromium} package) and checks
 * that the page ran its script without errors and drew its charts. Skips when Chromium is absent.
 * With {@code -Dperf.junit.screenshot=<file.png>} it also saves a screenshot to look at.
 */
class HtmlBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void reportRendersInHeadlessChromiumWithChartsAndNoScriptErrors() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM
                + ": browser check skipped (apt-get install chromium to run it)");
        RunResults run = SyntheticRuns.run(24, 7);
        Path page = dir.resolve("perf-report.html");
        Files.writeString(page, HtmlReport.render(run, SyntheticRuns.history(run, 40, 1)), StandardCharsets.UTF_8);

        String dom = chromium(page, "--dump-dom");

        java.util.regex.Matcher root = java.util.regex.Pattern.compile("<html[^>]*>").matcher(dom);
        assertThat(root.find()).as("an <html> element in the dumped DOM").isTrue();
        String html = root.group();
        assertThat(html).as("root element after scripts ran").contains("data-rendered=\"").doesNotContain("data-error");
        int charts = Integer.parseInt(html.replaceFirst(".*data-rendered=\"(\\d+)\".*", "$1"));
        assertThat(charts).as("SVG charts in the page").isGreaterThan(24);
        assertThat(dom.contains("<svg class=\"chart\"")).as("inline SVG present").isTrue();
        assertThat(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;")).as("hostile test name shown as text").isTrue();

        String screenshot = System.getProperty("perf.junit.screenshot");
        if (screenshot != null && !screenshot.isBlank()) {
            chromium(page, "--screenshot=" + Path.of(screenshot).toAbsolutePath(), "--window-size=1280,2400",
                    "--hide-scrollbars");
        }
    }

    private String chromium(Path page, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s");
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: " + Files.readString(dir.resolve("chromium.err")))
                .isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
