package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry graph}: the shop's models and the relation between them, with the reverse name Shelf gets
 * ({@code bins}), as Mermaid, Graphviz and SVG; it reads no database.
 */
class GraphCommandTest {
    @TempDir
    Path folder;

    private String settings() {
        return Cli.settingsFile(folder, "quarry.models = dev.quarry.cli.shop").toString();
    }

    @Test
    void printsMermaidByDefaultAndDotOnRequest() {
        Cli.Result mermaid = Cli.run("--settings", settings(), "graph");
        assertThat(mermaid.exit()).as("%s", mermaid).isZero();
        assertThat(mermaid.out()).startsWith("classDiagram").contains("Shelf").contains("Bin").contains("bins");

        Cli.Result dot = Cli.run("--settings", settings(), "graph", "--format", "DOT");
        assertThat(dot.exit()).as("%s", dot).isZero();
        assertThat(dot.out()).startsWith("digraph").contains("Shelf").contains("bins").endsWith("}\n");
    }

    @Test
    void writesAnSvgFileAndRefusesAnUnknownFormat() throws Exception {
        Path svg = folder.resolve("models.svg");
        Cli.Result r = Cli.run("--settings", settings(), "graph", "-f", "svg", "-o", svg.toString());
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("Wrote ModelGraph[2 models, 1 relations] as svg to " + svg + "\n");
        assertThat(Files.readString(svg)).contains("<svg").contains("Shelf").contains("bins").contains("</svg>");

        Cli.Result bad = Cli.run("--settings", settings(), "graph", "--format", "png");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("Invalid value for option '--format'").contains("MERMAID, DOT, SVG");
    }
}
