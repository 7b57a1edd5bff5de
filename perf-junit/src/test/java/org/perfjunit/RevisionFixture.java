package org.perfjunit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.perfjunit.extension.RevisionStep;
import org.perfjunit.revision.JavacBuild;
import org.perfjunit.revision.RevisionRequest;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Base class of the fixture tests that {@link RevisionExtensionTests} compiles from a temporary git
 * repository. Its extension points revision A/B at that repository (module, cache, a javac build) instead
 * of this JVM's working directory, and samples with a {@link WorkClock} it also hands to the tests. The
 * current and the base fixture class both extend it; it lives on the shared class path.
 */
@ExtendWith(RevisionFixture.Seams.class)
public abstract class RevisionFixture {

    static final String MODULE_KEY = "revision.fixture.module";
    static final String CACHE_KEY = "revision.fixture.cache";

    /** Puts both seams into the store and resolves the {@link WorkClock} parameter. */
    static final class Seams implements BeforeAllCallback, ParameterResolver {

        private final WorkClock clock = new WorkClock();

        @Override
        public void beforeAll(ExtensionContext context) {
            Path module = Path.of(context.getConfigurationParameter(MODULE_KEY).orElseThrow());
            Path cache = Path.of(context.getConfigurationParameter(CACHE_KEY).orElseThrow());
            List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
            RevisionStep.Requests requests = (ref, parent) -> RevisionRequest.of(ref, module, parent)
                    .withClassPath(RevisionExtensionTests.currentClassPath(module))
                    .withBuild(new JavacBuild(classPath))
                    .withCacheDirectory(cache);
            context.getStore(RevisionStep.NAMESPACE).put(RevisionStep.REQUEST_SEAM_KEY, requests);
            ScriptedClock.sampleWith(context, clock, clock);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == WorkClock.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return clock;
        }
    }
}
