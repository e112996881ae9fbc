package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.graph.ModelGraph;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quarry graph}: draws the models and their relations, with the reverse accessor and query name each side gets,
 * as Mermaid, Graphviz or SVG (docs/graph.md); reads no database.
 */
@Command(name = "graph", sortOptions = false, header = "Draws the models and their relations.",
        description = {"Prints (or writes to --output) the settings' models and their relations: each forward relation with "
                + "the reverse accessor and query name its target gets (book_set / book, or the related name). Reads no database."},
        footer = {"%nExamples:", "  quarry graph                          # Mermaid, for a Markdown page",
            "  quarry graph --format dot | dot -Tpng -o models.png", "  quarry graph --format svg -o docs/models.svg"})
final class GraphCommand extends Subcommand {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (classDiagram text), dot (Graphviz) or svg (a drawing). Default: ${DEFAULT-VALUE}.")
    ModelGraph.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Writes to FILE (replaced) instead of printing.")
    Path output;

    @Override
    public Integer call() {
        try (Quarry db = quarry.offlineQuarry()) {
            ModelGraph graph = ModelGraph.of(db);
            if (output == null) {
                graph.write(out(), format);
                return ExitCodes.OK;
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                graph.write(w, format);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + output + ": " + e.getMessage(), e);
            }
            PrintWriter out = out();
            out.println("Wrote " + graph + " as " + format.name().toLowerCase(java.util.Locale.ROOT) + " to " + output);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
