package org.perfjunit.baseline;

import org.perfjunit.model.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Baseline files under one directory: {@code <dir>/<environment-key>/<fully.qualified.TestClass>.json}.
 *
 * <p>Every change is a read-modify-write under two locks: an in-JVM lock per file (parallel JUnit
 * threads) and an OS lock on a sidecar {@code .lock} file (Surefire forks, other builds). The new
 * content goes to a temporary file in the same folder, is forced to disk, then atomically renamed
 * over the old one, so a reader, or a JVM killed mid-write, only ever sees a complete file. A file
 * that cannot be parsed is never overwritten: the change fails with a {@link BaselineFileException}.
 *
 * <p>Class names and environment keys are validated, and the resolved path must stay under the
 * directory, so test names cannot write elsewhere.
 */
public final class BaselineStore {

    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern ENVIRONMENT_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final int MAX_NAME_LENGTH = 200;

    private final Path directory;
    private final ConcurrentMap<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** A store rooted at {@code directory} (created on first write). */
    public BaselineStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The root directory. */
    public Path directory() {
        return directory;
    }

    /**
     * The file holding {@code testClass}'s baselines for {@code environmentKey}.
     *
     * @throws IllegalArgumentException if either name is not a plain class name / key, or escapes the directory
     */
    public Path fileFor(String environmentKey, String testClass) {
        if (environmentKey == null || environmentKey.length() > MAX_NAME_LENGTH
                || !ENVIRONMENT_KEY.matcher(environmentKey).matches() || environmentKey.contains("..")) {
            throw new IllegalArgumentException("invalid environment key [" + environmentKey
                    + "]: only [a-z0-9.-] is allowed");
        }
        if (testClass == null || testClass.length() > MAX_NAME_LENGTH || !CLASS_NAME.matcher(testClass).matches()) {
            throw new IllegalArgumentException("invalid test class name [" + testClass
                    + "]: expected a fully qualified Java class name");
        }
        Path file = directory.resolve(environmentKey).resolve(testClass + ".json").normalize();
        if (!file.startsWith(directory) || !file.getParent().getParent().equals(directory)) {
            throw new IllegalArgumentException("baseline path [" + file + "] escapes [" + directory + "]");
        }
        return file;
    }

    /** The file's content, or an empty file when it does not exist. */
    public BaselineFile read(String environmentKey, String testClass) {
        Path file = fileFor(environmentKey, testClass);
        return readExisting(file, testClass).orElseGet(() -> BaselineFile.empty(testClass, environmentKey));
    }

    /** The entry {@code id} of {@code testClass}, if recorded. */
    public Optional<BaselineEntry> find(String environmentKey, String testClass, String id) {
        return Optional.ofNullable(read(environmentKey, testClass).entries().get(id));
    }

    /**
     * Entries of test {@code id} recorded under other environment keys (other machines), newest first.
     * Files there that cannot be parsed fail like any other baseline file.
     */
    public List<StoredEntry> findOnOtherMachines(String environmentKey, String testClass, String id) {
        fileFor(environmentKey, testClass); // validates both names
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<StoredEntry> found = new ArrayList<>();
        try (var keys = Files.list(directory)) {
            for (Path dir : keys.filter(Files::isDirectory).sorted().toList()) {
                String key = dir.getFileName().toString();
                if (!key.equals(environmentKey) && ENVIRONMENT_KEY.matcher(key).matches()) {
                    readExisting(fileFor(key, testClass), testClass)
                            .map(file -> file.entries().get(id))
                            .ifPresent(entry -> found.add(new StoredEntry(key, entry)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list baseline directory [" + directory + "]", e);
        }
        found.sort(Comparator.comparing((StoredEntry e) -> e.entry().recorded(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return found;
    }

    /** A stored entry and the environment key of the folder it was found in. */
    public record StoredEntry(String environmentKey, BaselineEntry entry) {
    }

    /** Adds or replaces {@code entry}, keeping every other entry. */
    public BaselineFile put(String environmentKey, String testClass, BaselineEntry entry) {
        return update(environmentKey, testClass, file -> file.with(entry));
    }

    /**
     * Applies {@code change} to the file's current content under both locks and writes the result
     * atomically. {@code change} may be called with an empty file.
     */
    public BaselineFile update(String environmentKey, String testClass, UnaryOperator<BaselineFile> change) {
        Path file = fileFor(environmentKey, testClass);
        ReentrantLock jvmLock = locks.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = acquire(channel);
                try {
                    return readModifyWrite(file, environmentKey, testClass, change);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline file [" + file + "]", e);
        } finally {
            jvmLock.unlock();
        }
    }

    private static BaselineFile readModifyWrite(Path file, String environmentKey, String testClass,
                                                UnaryOperator<BaselineFile> change) throws IOException {
        BaselineFile current = readExisting(file, testClass)
                .orElseGet(() -> BaselineFile.empty(testClass, environmentKey));
        BaselineFile next = change.apply(current);
        writeAtomically(file, BaselineFileParser.serialize(next));
        return next;
    }

    private static FileLock acquire(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // another BaselineStore instance in this JVM holds the OS lock; the OS lock is per process
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the baseline lock", interrupted);
                }
            }
        }
    }

    private static Optional<BaselineFile> readExisting(Path file, String testClass) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BaselineFileException(file, -1, -1, "cannot be read (" + e + ")", e);
        }
        return Optional.of(BaselineFileParser.parse(file, bytes, testClass));
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        AtomicFiles.write(file, content);
    }
}
