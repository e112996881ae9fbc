package dev.quarry.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.graph.ModelGraph;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The graph of the guide's models: each relation labelled with its forward name and the reverse accessor and query
 * names the target gets (Book.author gives Author {@code books}; Review.book, with no related name, gives Book
 * {@code review_set} and the query name {@code review}, as Django names them). docs/images/library-models.svg is
 * this graph's SVG; run with {@code -Dquarry.graph.write=true} to write it again after a model changes.
 */
@QuarryTest(models = {Author.class, Book.class, Review.class, Tag.class})
class ModelGraphTest {
    private static final Path SVG = Path.of("../../docs/images/library-models.svg");

    @Test
    void mermaidNamesBothSidesOfEveryRelation(Quarry quarry, Queries queries) {
        String mermaid = queries.assertNumQueries(0, () -> ModelGraph.of(quarry).mermaid());
        assertThat(mermaid).isEqualTo("""
                classDiagram
                    direction LR
                    class Author {
                        +AutoField id
                        +CharField name
                        +TextField bio
                    }
                    class Book {
                        +AutoField id
                        +CharField title
                        +ForeignKey author
                        +DateField published_date
                        +CharField isbn
                        +ManyToManyField tags
                    }
                    class Review {
                        +AutoField id
                        +ForeignKey book
                        +CharField user_name
                        +PositiveSmallIntegerField rating
                        +TextField comment
                        +DateTimeField created_at
                    }
                    class Tag {
                        +AutoField id
                        +CharField name
                    }
                    Book "*" --> "1" Author : author / books
                    Book "*" --> "*" Tag : tags / books
                    Review "*" --> "1" Book : book / review_set (query review)
                """);
    }

    @Test
    void dotHasARecordPerModelAndALabelledEdgePerRelation(Quarry quarry) {
        String dot = ModelGraph.of(quarry).dot();
        assertThat(dot).startsWith("digraph models {\n    rankdir=RL;\n")
                .contains("    \"Book\" [label=\"{Book|id : AutoField\\lname : CharField\\l".replace("name", "title"))
                .contains("    \"Book\" -> \"Author\" [label=\"author / books\", taillabel=\"*\", headlabel=\"1\"];\n")
                .contains("    \"Book\" -> \"Tag\" [label=\"tags / books\", taillabel=\"*\", headlabel=\"*\"];\n")
                .contains("    \"Review\" -> \"Book\" [label=\"book / review_set (query review)\", taillabel=\"*\", headlabel=\"1\"];\n")
                .endsWith("}\n");
    }

    @Test
    void theSvgInTheDocsIsThisGraphs(Quarry quarry) throws IOException {
        String svg = ModelGraph.of(quarry).svg();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains(">book / review_set (query review)</text>", ">author / books</text>", ">tags / books</text>");
        if (Boolean.getBoolean("quarry.graph.write")) {
            Files.writeString(SVG, svg, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SVG, StandardCharsets.UTF_8)).as("docs/images/library-models.svg is out of date; "
                + "run ModelGraphTest with -Dquarry.graph.write=true").isEqualTo(svg);
    }
}
