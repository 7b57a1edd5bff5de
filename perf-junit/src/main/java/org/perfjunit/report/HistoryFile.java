package org.perfjunit.report;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.perfjunit.result.ResultJson;

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

/**
 * The run history: a JSON-lines file, one {@link HistoryRun} per line, oldest first.
 *
 * <p>Crash safety: a run is added by appending one complete line in a single write; a JVM killed
 * mid-append can leave only a torn last line, which readers skip and the next writer cuts off.
 * Trimming to the retention limit (once the file holds 5% more runs than that) rewrites it atomically ({@link org.perfjunit.result.AtomicFiles}), so the
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

    private HistoryFile() {
    }

    /**
     * Adds {@code run} (or replaces the last line when it has the same run id), then keeps the last
     * {@code retention} runs. A retention of 0 writes nothing.
     */
    public static void record(Path file, HistoryRun run, int retention) throws IOException {
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
            if (keep > 0 && run.runId() != null && run.runId().equals(runIdOf(readRange(channel, lastStart, keep)))) {
                keep = lastStart;
            }
            channel.truncate(keep);
            channel.position(keep);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        trim(file, retention);
    }

    /** The last {@code max} runs, oldest first; torn or unreadable lines are skipped. */
    public static List<HistoryRun> readLast(Path file, int max) throws IOException {
        if (!Files.exists(file) || max <= 0) {
            return List.of();
        }
        List<String> lines = tailLines(file, max);
        List<HistoryRun> runs = new ArrayList<>(lines.size());
        for (String l : lines) {
            try {
                runs.add(LINE_READER.readValue(l));
            } catch (IOException e) {
                // a torn line from a killed writer or a hand edit: skip it, keep the rest of the history
            }
        }
        return runs;
    }

    /** Number of complete lines (runs) in the file. */
    static int count(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int n = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            while (channel.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    n += buffer.get() == '\n' ? 1 : 0;
                }
                buffer.clear();
            }
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
        org.perfjunit.result.AtomicFiles.write(file, String.join("\n", keep) + "\n");
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
