package dev.quarry.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn compile quarry:check}: every problem of the models and migrations at once; fails the build on any ({@code quarry check}). */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class CheckMojo extends QuarryMojo {
    /** For Maven. */
    public CheckMojo() {}

    @Override
    List<String> command() {
        return List.of("check");
    }
}
