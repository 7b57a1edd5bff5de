package org.perfjunit.fork;

import org.perfjunit.model.ResultJson;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a test-running main class (the extension's {@code ForkedTestMain}) in a fresh JVM: the same {@code java} binary and class path as this
 * JVM, the given extra JVM arguments, and the test's unique id and configuration parameters in a
 * properties file. The child's standard output and error are forwarded line by line.
 */
public final class ForkedJvm {

    /** Request key: the unique id of the test to run. */
    public static final String UNIQUE_ID_KEY = "perf.junit.fork.internal.unique.id";
    /** Request key: where to write the {@link ForkOutcome}. */
    public static final String OUTCOME_FILE_KEY = "perf.junit.fork.internal.outcome.file";

    private ForkedJvm() {
    }

    /**
     * Runs the child to completion.
     *
     * @param mainClass  the child's main class, which runs the test and writes the outcome
     * @param workDir    a private directory for the request and outcome files
     * @param uniqueId   JUnit unique id of the test (or parameterized invocation) to run
     * @param parameters configuration parameters of the child's launcher request
     * @param jvmArgs    extra JVM arguments
     * @param placement  where the child runs: where the scheduler puts it, or pinned to a CPU
     * @param timeout    the child is killed after this
     * @return what the child reported
     * @throws TimeoutException when the child ran too long (it has been killed)
     * @throws IOException      when the child could not be started or reported nothing
     */
    public static ForkOutcome run(String mainClass, Path workDir, String uniqueId, Map<String, String> parameters,
                                  List<String> jvmArgs, ChildPlacement placement, Duration timeout, PrintStream out,
                                  PrintStream err) throws IOException, TimeoutException, InterruptedException {
        Path request = workDir.resolve("request.properties");
        Path outcomeFile = workDir.resolve("outcome.json");
        Properties props = new Properties();
        props.putAll(parameters);
        props.setProperty(UNIQUE_ID_KEY, uniqueId);
        props.setProperty(OUTCOME_FILE_KEY, outcomeFile.toString());
        try (var writer = Files.newBufferedWriter(request, StandardCharsets.UTF_8)) {
            props.store(writer, "perf-junit forked test request");
        }
        List<String> command = command(placement, mainClass, jvmArgs, request);
        Process process = new ProcessBuilder(command).start();
        Thread stdout = forward(process.getInputStream(), out, "perf-junit-fork-out");
        Thread stderr = forward(process.getErrorStream(), err, "perf-junit-fork-err");
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new TimeoutException("Forked JVM (pid " + process.pid() + ") for [" + uniqueId
                        + "] did not finish within [" + timeout + "]; it was killed. Raise perf.junit.fork.timeout or "
                        + "shorten the measurement.");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        stdout.join(5000);
        stderr.join(5000);
        if (!Files.exists(outcomeFile)) {
            throw new IOException("Forked JVM (pid " + process.pid() + ") exited with code " + process.exitValue()
                    + " without reporting an outcome; its output is above. Command: " + String.join(" ", command));
        }
        return ResultJson.mapper().readValue(outcomeFile.toFile(), ForkOutcome.class);
    }

    /** {@code [taskset -c N] java [placement's args] [jvmArgs] -cp <class path> <mainClass> <request>}. */
    static List<String> command(ChildPlacement placement, String mainClass, List<String> jvmArgs, Path request) {
        List<String> command = new ArrayList<>(placement.launcher());
        command.add(javaBinary());
        command.addAll(placement.jvmArgs());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath(System.getProperty("java.class.path", ""), System.getProperty("surefire.test.class.path")));
        command.add(mainClass);
        command.add(request.toString());
        return command;
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * This JVM's class path. Under Surefire, {@code java.class.path} is a manifest-only booter jar
     * whose entries Surefire also publishes as {@code surefire.test.class.path}; that list is used then.
     */
    static String classPath(String javaClassPath, String surefireTestClassPath) {
        boolean booterJar = !javaClassPath.contains(File.pathSeparator)
                && Path.of(javaClassPath).getFileName() != null
                && Path.of(javaClassPath).getFileName().toString().startsWith("surefirebooter");
        if ((booterJar || javaClassPath.isBlank()) && surefireTestClassPath != null && !surefireTestClassPath.isBlank()) {
            return surefireTestClassPath;
        }
        return javaClassPath;
    }

    private static Thread forward(InputStream in, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    to.println(line);
                }
            } catch (IOException e) {
                // the child is gone; nothing more to forward
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
