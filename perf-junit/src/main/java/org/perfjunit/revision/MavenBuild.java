package org.perfjunit.revision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a base revision with the project's own Maven build: {@code ./mvnw} when the tree has the
 * wrapper, else {@code mvn} from the PATH, running {@code -B -q -DskipTests test-compile -pl <module> -am}
 * from the top of the Maven reactor (no {@code -pl} for a single-module project).
 */
public final class MavenBuild implements BaseBuild {

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

    private final String mavenOnPath;
    private final List<String> extraArguments;

    /**
     * A Maven build with extra command-line arguments.
     *
     * @param mavenOnPath    the Maven executable used when the tree has no wrapper, usually {@code mvn}
     * @param extraArguments appended to the command, e.g. {@code -o} or {@code -Dmaven.repo.local=...}
     */
    public MavenBuild(String mavenOnPath, List<String> extraArguments) {
        this.mavenOnPath = mavenOnPath;
        this.extraArguments = List.copyOf(extraArguments);
    }

    /**
     * A Maven build that uses this JVM's {@code maven.repo.local} system property when set (Surefire passes
     * {@code -D} properties of the running build on), so the base resolves dependencies where the current build does.
     */
    public static MavenBuild likeThisBuild() {
        String repository = System.getProperty("maven.repo.local");
        List<String> extra = repository == null || repository.isBlank() ? List.of()
                : List.of("-Dmaven.repo.local=" + repository);
        return new MavenBuild(WINDOWS ? "mvn.cmd" : "mvn", extra);
    }

    @Override
    public Result compile(Path tree, Path module) throws IOException {
        Path moduleDirectory = tree.resolve(module);
        if (!Files.isRegularFile(moduleDirectory.resolve("pom.xml"))) {
            throw new RevisionException("Revision A/B builds the base with Maven, but the base revision has no pom.xml in ["
                    + moduleDirectory + "]. Only Maven projects are supported.");
        }
        Path reactor = reactorRoot(tree, moduleDirectory);
        List<String> command = new ArrayList<>();
        command.add(executable(reactor, tree));
        command.addAll(List.of("-B", "-q", "-DskipTests", "test-compile"));
        Path selected = reactor.relativize(moduleDirectory);
        if (!selected.toString().isEmpty()) {
            command.addAll(List.of("-pl", selected.toString().replace('\\', '/'), "-am"));
        }
        command.addAll(extraArguments);
        String shown = String.join(" ", command);
        try {
            ProcessRunner.Finished finished = ProcessRunner.run(command, reactor, true);
            return new Result(finished.succeeded(), shown, reactor, finished.output());
        } catch (IOException e) {
            throw new RevisionException("Revision A/B builds the base with Maven, but neither ./mvnw in the base tree nor ["
                    + mavenOnPath + "] on the PATH could be run (" + e.getMessage()
                    + "). Install Maven or add the Maven wrapper to the project.", e);
        }
    }

    /** The topmost directory with a pom.xml in the unbroken chain from the module up to the top of the tree. */
    static Path reactorRoot(Path tree, Path moduleDirectory) {
        Path reactor = moduleDirectory;
        for (Path p = moduleDirectory.getParent(); p != null && p.startsWith(tree); p = p.getParent()) {
            if (!Files.isRegularFile(p.resolve("pom.xml"))) {
                break;
            }
            reactor = p;
        }
        return reactor;
    }

    private String executable(Path reactor, Path tree) {
        String wrapper = WINDOWS ? "mvnw.cmd" : "mvnw";
        for (Path p : List.of(reactor.resolve(wrapper), tree.resolve(wrapper))) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return mavenOnPath;
    }
}
