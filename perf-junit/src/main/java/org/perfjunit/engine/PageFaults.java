package org.perfjunit.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's minor page faults so far, from {@code /proc/self/stat} (Linux): each one is a page of memory
 * touched for the first time (or given back and touched again). Read once per warm-up batch, so it reads into
 * one buffer it keeps and parses the bytes itself: no allocation per read. One file channel per JVM, opened on
 * first use and kept; -1 where the file does not exist or cannot be read.
 */
final class PageFaults {

    private static final Path STAT = Path.of("/proc/self/stat");
    private static final int MINOR_FAULTS_FIELD = 10; // man 5 proc: (10) minflt
    private static final Object LOCK = new Object();
    private static FileChannel channel;
    private static ByteBuffer buffer;
    private static boolean unavailable;

    private PageFaults() {
    }

    /** Minor page faults of this process so far, or -1 when the JVM's platform does not tell. */
    static long minor() {
        synchronized (LOCK) {
            if (unavailable) {
                return -1;
            }
            try {
                if (channel == null) {
                    if (!Files.isReadable(STAT)) {
                        unavailable = true;
                        return -1;
                    }
                    channel = FileChannel.open(STAT);
                    buffer = ByteBuffer.allocateDirect(4096);
                }
                buffer.clear();
                int length = channel.read(buffer, 0);
                long faults = parse(buffer, length);
                if (faults < 0) {
                    unavailable = true;
                }
                return faults;
            } catch (IOException | RuntimeException e) {
                unavailable = true;
                return -1;
            }
        }
    }

    /**
     * The minor-fault field of a {@code stat} line: fields are separated by single spaces, and the second, the
     * command name in parentheses, may itself contain spaces and parentheses, so counting starts after the
     * last ')' (field 2). -1 when the line is shorter than that.
     */
    static long parse(ByteBuffer line, int length) {
        int close = -1;
        for (int i = 0; i < length; i++) {
            if (line.get(i) == ')') {
                close = i;
            }
        }
        if (close < 0) {
            return -1;
        }
        int field = 2;
        long value = -1;
        for (int i = close + 1; i < length; i++) {
            byte b = line.get(i);
            if (b == ' ') {
                if (field == MINOR_FAULTS_FIELD) {
                    return value;
                }
                field++;
                value = -1;
            } else if (field == MINOR_FAULTS_FIELD) {
                if (b < '0' || b > '9') {
                    return -1;
                }
                value = (value < 0 ? 0 : value * 10) + (b - '0');
            }
        }
        return field == MINOR_FAULTS_FIELD ? value : -1;
    }
}
