package org.perfjunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Direction;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;

import static org.assertj.core.api.Assertions.assertThat;

class InteropExportTests {

    private final RunResults run = SyntheticRuns.run(6, 7);

    @Test
    void jmhExportHasTheFieldsJmhVisualizerReads() throws Exception {
        JsonNode root = ResultJson.mapper().readTree(JmhExport.render(run));

        assertThat(root.isArray()).isTrue();
        assertThat(root).hasSize(6);
        JsonNode first = root.get(0);
        assertThat(first.get("benchmark").asText()).isEqualTo("org.example.photonic.CompilerBenchmarkTests.compilesMeshNetwork");
        assertThat(first.get("mode").asText()).isEqualTo("avgt");
        JsonNode primary = first.get("primaryMetric");
        assertThat(primary.get("scoreUnit").asText()).isEqualTo("ns/op");
        assertThat(primary.get("score").asDouble()).isPositive();
        assertThat(primary.get("scoreError").asDouble()).isPositive();
        assertThat(primary.get("rawData").get(0)).hasSize(200);
        assertThat(first.get("secondaryMetrics").get("·gc.alloc.rate.norm").get("scoreUnit").asText()).isEqualTo("B/op");
        assertThat(root.get(5).get("params").get("case").asText()).isEqualTo("n=64");
    }

    @Test
    void githubBenchmarkExportSplitsMetricsByDirection() throws Exception {
        JsonNode smaller = ResultJson.mapper().readTree(GithubBenchmarkExport.render(run, Direction.LOWER_IS_BETTER));
        JsonNode bigger = ResultJson.mapper().readTree(GithubBenchmarkExport.render(run, Direction.HIGHER_IS_BETTER));

        assertThat(smaller.findValuesAsText("name")).anyMatch(n -> n.endsWith(" - time"))
                .anyMatch(n -> n.endsWith(" - allocated")).anyMatch(n -> n.endsWith(" - energy"))
                .noneMatch(n -> n.endsWith(" - throughput")).noneMatch(n -> n.contains("phase."));
        assertThat(bigger.findValuesAsText("name")).allMatch(n -> n.endsWith(" - throughput") || n.endsWith(" - accuracy"))
                .anyMatch(n -> n.endsWith(" - accuracy"));
        JsonNode time = smaller.get(0);
        assertThat(time.get("unit").asText()).isEqualTo("ns");
        assertThat(time.get("value").isNumber()).isTrue();
        assertThat(time.get("range").asText()).startsWith("± ");
    }
}
