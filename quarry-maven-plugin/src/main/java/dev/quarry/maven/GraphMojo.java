package dev.quarry.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn compile quarry:graph -Dquarry.format=svg -Dquarry.output=docs/models.svg}: draws the models and their relations ({@code quarry graph}); without {@code output} the drawing is logged. */
@Mojo(name = "graph", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class GraphMojo extends QuarryMojo {
    /** {@code mermaid}, {@code dot} or {@code svg}. */
    @Parameter(property = "quarry.format", defaultValue = "mermaid")
    String format;

    /** The file to write (replaced); none: the drawing is logged. */
    @Parameter(property = "quarry.output")
    File output;

    /** For Maven. */
    public GraphMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("graph", "--format=" + format));
        if (output != null) {
            args.add("--output=" + output.getAbsolutePath());
        }
        return args;
    }
}
