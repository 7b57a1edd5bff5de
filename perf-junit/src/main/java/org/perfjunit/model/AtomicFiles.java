package org.perfjunit.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * The one way perf-junit replaces a file (reports, result files, baselines): write a temp file in
 * the same directory, force it to disk, give it ordinary {@code rw-r--r--} permissions where the
 * file system has POSIX permissions (temp files start as owner-only), rename it over the target
 * atomically, and force the directory so the rename survives a crash. A reader, or a JVM killed
 * mid-write, sees the old or the new content, never a torn one. A killed writer leaves its hidden temp
 * file behind; the next write of the same target removes such leftovers once they are older than this
 * JVM and at least {@link #STALE_TEMP_AGE} old (a live writer's temp file lasts milliseconds).
 */
public final class AtomicFiles {

    /** A temp file at least this old, and older than this JVM, belongs to a writer that was killed. */
    static final Duration STALE_TEMP_AGE = Duration.ofMinutes(1);
    private static final Instant JVM_START = ProcessHandle.current().info().startInstant().orElse(Instant.now());

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content} (UTF-8), creating parent directories. */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code content}, creating parent directories. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // same directory as the target, so the rename never crosses file systems
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the platform's defaults apply
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(dir);
        sweepStaleTemps(dir, target.getFileName().toString(), Instant.now());
    }

    /** Deletes {@code .<name>.*.tmp} files in {@code dir} left by killed writers (see the class comment). */
    static void sweepStaleTemps(Path dir, String name, Instant now) {
        Instant cutoff = now.minus(STALE_TEMP_AGE);
        Instant before = JVM_START.isBefore(cutoff) ? JVM_START : cutoff;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "." + escapeGlob(name) + ".*.tmp")) {
            for (Path temp : temps) {
                try {
                    if (Files.getLastModifiedTime(temp).toInstant().isBefore(before)) {
                        Files.deleteIfExists(temp);
                    }
                } catch (IOException e) {
                    // gone already, or not ours to delete: the next write tries again
                }
            }
        } catch (IOException | RuntimeException e) {
            // sweeping is housekeeping: it must never fail a write that succeeded
        }
    }

    private static String escapeGlob(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void forceDirectory(Path dir) {
        // makes the rename durable on Linux; not supported everywhere, and the rename is atomic anyway
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
