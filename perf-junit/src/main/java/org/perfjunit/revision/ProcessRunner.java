package org.perfjunit.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Runs an external program (git, tar, Maven) to completion and keeps what it printed. */
final class ProcessRunner {

    private ProcessRunner() {
    }

    /** What a finished program printed; {@code error} is empty when it was merged into {@code output}. */
    record Finished(int exitCode, String output, String error) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} in {@code directory}.
     *
     * @param mergeError whether standard error goes into {@link Finished#output()} (build logs) or apart (git)
     * @throws IOException when the program cannot be started, e.g. it is not installed
     */
    static Finished run(List<String> command, Path directory, boolean mergeError) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(mergeError).start();
        process.getOutputStream().close();
        CompletableFuture<String> error = new CompletableFuture<>();
        if (mergeError) {
            error.complete("");
        } else {
            // stderr is drained on its own thread so a chatty program cannot block on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    error.complete(read(process.getErrorStream()));
                } catch (UncheckedIOException e) {
                    error.completeExceptionally(e.getCause());
                }
            }, "perf-junit-revision-stderr");
            drain.setDaemon(true);
            drain.start();
        }
        try {
            String output = read(process.getInputStream());
            int exit = process.waitFor();
            return new Finished(exit, output, error.get());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ExecutionException e) {
            throw new IOException("could not read the error output of " + command.get(0), e.getCause());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
