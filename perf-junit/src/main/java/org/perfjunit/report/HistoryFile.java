package org.perfjunit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.perfjunit.model.AtomicFiles;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.JsonProblems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run history: a JSON-lines file, one {@link HistoryRun} per line, oldest first.
 *
 * <p>Crash safety: a run is added by appending one complete line in a single write; a JVM killed
 * mid-append can leave only a torn last line, which readers skip and the next writer cuts off (both
 * say so on standard error). Replacing a line (a later fork of the same run) rewrites the file atomically.
 * A file whose last line is not a run is refused with a {@link ResultFileException} and left untouched.
 * Trimming to the retention limit (once the file holds 5% more runs than that) rewrites it atomically ({@link org.perfjunit.model.AtomicFiles}), so the
 * older history is never lost. Forks of one run share a {@code runId}: the second fork replaces the
 * line of the first instead of adding a duplicate. Callers serialize writers (see {@link RunMerger}).
 *
 * <p>Bounded cost: {@link #readLast(Path, int)} reads only the file's tail, and trimming copies
 * lines as bytes without parsing them.
 */
public final class HistoryFile {

    private static final ObjectWriter LINE_WRITER = ResultJson.mapper().writer()
            .without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader LINE_READER = ResultJson.mapper().readerFor(HistoryRun.class);
    private static final int CHUNK = 64 * 1024;
    private static final Consumer<String> STDERR = m -> System.err.println("[perf-junit] WARNING: " + m);

    private HistoryFile() {
    }

    /**
     * Adds {@code run} (or replaces the last line when it has the same run id), then keeps the last
     * {@code retention} runs. A retention of 0 writes nothing. A torn last line left by a killed
     * writer is cut off (with a warning on standard error) before the new line is appended.
     *
     * @throws ResultFileException when the file is not a history file (its last complete line is not
     *                             a run, or its unterminated tail is not the start of one); the file is left untouched
     */
    public static void record(Path file, HistoryRun run, int retention) throws IOException {
        record(file, run, retention, STDERR);
    }

    static void record(Path file, HistoryRun run, int retention, Consumer<String> warnings) throws IOException {
        if (retention <= 0) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        byte[] line = (LINE_WRITER.writeValueAsString(run) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long keep = endOfLastCompleteLine(channel);
            long lastStart = startOfLineEndingAt(channel, keep);
            byte[] lastLine = readRange(channel, lastStart, keep);
            requireHistory(file, channel, keep, lastLine);
            if (channel.size() > keep) {
                warnings.accept(tornLineWarning(file, channel.size() - keep) + "; it is cut off before this run is added");
            }
            if (keep > 0 && run.runId() != null && run.runId().equals(runIdOf(lastLine))) {
                // a later fork of the same run: replace its line by an atomic rewrite, so a kill cannot lose it
                byte[] content = new byte[(int) lastStart + line.length];
                System.arraycopy(readRange(channel, 0, lastStart), 0, content, 0, (int) lastStart);
                System.arraycopy(line, 0, content, (int) lastStart, line.length);
                AtomicFiles.write(file, content);
            } else {
                channel.truncate(keep); // only a torn tail is ever cut
                channel.position(keep);
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        }
        trim(file, retention);
    }

    /** The last {@code max} runs, oldest first; torn or unreadable lines are skipped with a warning on standard error. */
    public static List<HistoryRun> readLast(Path file, int max) throws IOException {
        return readLast(file, max, STDERR);
    }

    static List<HistoryRun> readLast(Path file, int max, Consumer<String> warnings) throws IOException {
        if (!Files.exists(file) || max <= 0) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long torn = channel.size() - endOfLastCompleteLine(channel);
            if (torn > 0) {
                warnings.accept(tornLineWarning(file, torn) + "; it is skipped");
            }
        }
        List<String> lines = tailLines(file, max);
        List<HistoryRun> runs = new ArrayList<>(lines.size());
        int skipped = 0;
        for (String l : lines) {
            try {
                runs.add(LINE_READER.readValue(l));
            } catch (IOException e) {
                skipped++; // a hand edit or a foreign line: skip it, keep the rest of the history
            }
        }
        if (skipped > 0) {
            warnings.accept("history file [" + file + "] has " + skipped + " unreadable line(s) among its last " + max
                    + "; they are skipped");
        }
        return runs;
    }

    private static String tornLineWarning(Path file, long bytes) {
        return "history file [" + file + "] ends in an incomplete line of " + bytes
                + " bytes (a writer was killed mid-append)";
    }

    /** Refuses to append to a file perf-junit did not write: the last complete line must be a run, a torn tail must start one. */
    private static void requireHistory(Path file, FileChannel channel, long keep, byte[] lastLine) throws IOException {
        String last = new String(lastLine, StandardCharsets.UTF_8).strip();
        if (!last.isEmpty()) {
            try {
                LINE_READER.readValue(last);
            } catch (IOException e) {
                int lineNumber = countNewlines(channel, keep);
                throw new ResultFileException(file, lineNumber, 1, "the last line is not a perf-junit history run ("
                        + (e instanceof JsonProcessingException j ? JsonProblems.describe(j) : e.toString()) + ")", e);
            }
        }
        if (channel.size() > keep) {
            byte[] first = readRange(channel, keep, keep + 1);
            if (first.length == 0 || first[0] != '{') {
                throw new ResultFileException(file, countNewlines(channel, keep) + 1, 1,
                        "not a perf-junit history file (its last line is neither a run nor the start of one)", null);
            }
        }
    }

    /** Number of complete lines (runs) in the file. */
    static int count(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return countNewlines(channel, channel.size());
        }
    }

    /** Number of '\n' before {@code limit}, streamed in chunks (bounded memory for any file size). */
    private static int countNewlines(FileChannel channel, long limit) throws IOException {
        int n = 0;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long pos = 0;
        while (pos < limit) {
            buffer.clear().limit((int) Math.min(CHUNK, limit - pos));
            int read = channel.read(buffer, pos);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                n += buffer.get(i) == '\n' ? 1 : 0;
            }
            pos += read;
        }
        return n;
    }

    /**
     * Rewrites the file with the last {@code retention} runs once it holds 5% more (at least one
     * more): amortizes the rewrite of a large history over many runs.
     */
    private static void trim(Path file, int retention) throws IOException {
        if (count(file) <= retention + Math.max(1, retention / 20)) {
            return;
        }
        List<String> keep = tailLines(file, retention);
        AtomicFiles.write(file, String.join("\n", keep) + "\n");
    }

    /** The last {@code max} complete lines, read backwards from the end in chunks. */
    private static List<String> tailLines(Path file, int max) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = endOfLastCompleteLine(channel);
            List<String> lines = new ArrayList<>();
            while (end > 0 && lines.size() < max) {
                long start = startOfLineEndingAt(channel, end);
                String l = new String(readRange(channel, start, end), StandardCharsets.UTF_8).strip();
                if (!l.isEmpty()) {
                    lines.add(l);
                }
                end = start;
            }
            Collections.reverse(lines);
            return lines;
        }
    }

    /** Offset just past the last '\n' (0 when there is none): anything after it is a torn write. */
    private static long endOfLastCompleteLine(FileChannel channel) throws IOException {
        long size = channel.size();
        return size == 0 ? 0 : lastNewlineBefore(channel, size) + 1;
    }

    /** Start offset of the line that ends (with its '\n') at {@code end}. */
    private static long startOfLineEndingAt(FileChannel channel, long end) throws IOException {
        return end == 0 ? 0 : lastNewlineBefore(channel, end - 1) + 1;
    }

    /** Offset of the last '\n' strictly before {@code limit}, or -1. */
    private static long lastNewlineBefore(FileChannel channel, long limit) throws IOException {
        long pos = limit;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        while (pos > 0) {
            int len = (int) Math.min(CHUNK, pos);
            buffer.clear().limit(len);
            long from = pos - len;
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // fill the chunk
            }
            for (int i = len - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return from + i;
                }
            }
            pos = from;
        }
        return -1;
    }

    private static byte[] readRange(FileChannel channel, long start, long end) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (end - start));
        ByteBuffer buffer = ByteBuffer.allocate((int) (end - start));
        while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
            // fill
        }
        out.write(buffer.array(), 0, buffer.position());
        return out.toByteArray();
    }

    private static String runIdOf(byte[] line) {
        try {
            return ResultJson.mapper().readTree(line).path("runId").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
