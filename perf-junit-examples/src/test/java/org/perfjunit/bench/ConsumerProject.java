package org.perfjunit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfjunit.Performance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user's project of {@link DefaultsAccuracyBenchmark}: written from
 * {@code src/test/resources/accuracy-consumer} into a directory, built and tested with a child
 * {@code mvn test} (default Surefire fork, no argLine, no properties file). perf-junit is the jar
 * of this build's classes; its dependencies are the jars on this JVM's class path. The child Maven is not
 * offline: on a fresh machine its first run fetches what Surefire needs from Maven Central (the reactor's
 * build does not resolve all of it), later runs find it in the local repository.
 */
final class ConsumerProject {

    /** perf-junit's own dependencies, found on this JVM's class path by jar name. */
    private static final List<String> DEPENDENCIES = List.of("jackson-", "commons-math3-", "jol-core-", "assertj-core-",
            "byte-buddy-", "junit-platform-launcher-");

    private final Path dir;

    ConsumerProject(Path dir) {
        this.dir = dir;
    }

    /** Writes the project: pom (versions filled in), the test class, and perf-junit as a jar. */
    void write() throws IOException, URISyntaxException {
        Path testDir = dir.resolve("src/test/java/org/example");
        Files.createDirectories(testDir);
        Path jar = dir.resolve("perf-junit.jar");
        jarOf(Path.of(Performance.class.getProtectionDomain().getCodeSource().getLocation().toURI()), jar);
        String classPath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> DEPENDENCIES.stream().anyMatch(d -> Path.of(e).getFileName().toString().startsWith(d)))
                .map(e -> "<additionalClasspathElement>" + e + "</additionalClasspathElement>")
                .collect(Collectors.joining());
        String pom = resource("pom.xml").replace("@PERF_JUNIT_JAR@", jar.toAbsolutePath().toString())
                .replace("@DEPENDENCY_JARS@", classPath)
                .replace("@JUNIT_VERSION@", System.getProperty("bench.junit.version", "5.14.1"))
                .replace("@SUREFIRE_VERSION@", System.getProperty("bench.surefire.version", "3.5.4"))
                .replace("@COMPILER_VERSION@", "3.14.0").replace("@RESOURCES_VERSION@", "3.3.1");
        Files.writeString(dir.resolve("pom.xml"), pom);
        Files.writeString(testDir.resolve("ReferenceWorkloadsTest.java"), resource("ReferenceWorkloadsTest.java"));
    }

    /**
     * Runs {@code mvn test} in the project, only {@code methods} of its test class (all of them when empty);
     * returns per test method {median ns, mean ns, allocated B, heap-transient 1/0} read from its
     * {@code perf-results.json}.
     */
    Map<String, double[]> test(Path log, List<String> methods) throws IOException, InterruptedException {
        deleteTree(dir.resolve("target/perf-reports"));
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "test"));
        if (!methods.isEmpty()) {
            command.add("-Dtest=ReferenceWorkloadsTest#" + String.join("+", methods));
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mvn test of the consumer project failed; see " + log);
        }
        JsonNode results = new ObjectMapper().readTree(dir.resolve("target/perf-reports/perf-results.json").toFile());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (JsonNode test : results.get("tests")) {
            JsonNode time = test.get("metrics").get("time").get("summary");
            JsonNode alloc = test.get("metrics").get("allocated");
            JsonNode heap = test.get("run").get("heapTransient");
            out.put(test.get("methodName").asText(), new double[] {time.get("median").asDouble(),
                    time.get("mean").asDouble(), alloc == null ? Double.NaN : alloc.get("value").asDouble(),
                    heap != null && heap.asBoolean() ? 1 : 0});
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsumerProject.class.getResourceAsStream("/accuracy-consumer/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource accuracy-consumer/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** perf-junit's classes as a jar (a directory when the reactor compiled it, a jar when installed). */
    private static void jarOf(Path classes, Path jar) throws IOException {
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
