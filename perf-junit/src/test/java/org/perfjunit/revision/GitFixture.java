package org.perfjunit.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A throw-away git repository for tests: write files, commit, clone. */
public final class GitFixture {

    private final Path root;

    private GitFixture(Path root) {
        this.root = root;
    }

    public static GitFixture init(Path directory) throws IOException {
        GitFixture fixture = new GitFixture(Files.createDirectories(directory));
        fixture.git("init", "-q", "-b", "main");
        return fixture;
    }

    public Path root() {
        return root;
    }

    public GitFixture write(String relativePath, String content) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    public GitFixture commit(String message) throws IOException {
        git("add", "-A");
        git("-c", "user.name=perf-junit", "-c", "user.email=perf-junit@example.org", "commit", "-q", "-m", message);
        return this;
    }

    public String sha(String ref) throws IOException {
        return git("rev-parse", ref).strip();
    }

    /** Clones this repository into {@code target} with extra clone options, e.g. {@code --depth 1}. */
    public GitFixture cloneTo(Path target, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("clone", "-q"));
        args.addAll(List.of(options));
        args.add(root.toUri().toString());
        args.add(target.toString());
        git(args.toArray(String[]::new));
        return new GitFixture(target);
    }

    public String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        ProcessRunner.Finished finished = ProcessRunner.run(command, root.getParent(), false);
        if (!finished.succeeded()) {
            throw new IOException(String.join(" ", command) + " failed: " + finished.error());
        }
        return finished.output();
    }
}
