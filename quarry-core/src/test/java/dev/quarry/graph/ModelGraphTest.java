package dev.quarry.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import org.junit.jupiter.api.Test;

/**
 * The graph of relations of every kind, drawn from the public metadata without SQL: a nullable foreign key with a
 * related name and a related query name ({@code ships}, queried as {@code ship}: Django's related_query_name), a
 * one-to-one (the reverse side {@code captain}, Django's lower-cased model name), a hidden reverse side ({@code +})
 * and a foreign key of a model to itself. The library example's graph is checked in examples/library.
 */
@QuarryTest(models = {Ship.class, Captain.class, Cargo.class, Port.class})
class ModelGraphTest {

    @Test
    void everyRelationKindIsLabelledWithBothSidesNames(Quarry quarry, Queries queries) {
        ModelGraph graph = queries.assertNumQueries(0, () -> ModelGraph.of(quarry));
        assertThat(graph.mermaid()).endsWith("""
                    Ship "*" --> "0..1" Port : home / ships (query ship)
                    Captain "0..1" --> "1" Ship : ship / captain
                    Cargo "*" --> "1" Ship : ship / +
                    Cargo "*" --> "0..1" Cargo : part_of / parts
                """).contains("""
                    class Captain {
                        +AutoField id
                        +CharField name
                        +OneToOneField ship
                    }
                """);
        assertThat(graph.dot()).contains("\"Cargo\" -> \"Cargo\" [label=\"part_of / parts\", taillabel=\"*\", headlabel=\"0..1\"];");
        assertThat(graph.svg()).contains(">home / ships (query ship)</text>", ">part_of / parts</text>", "<path d=\"M ");
        assertThat(graph.toString()).isEqualTo("ModelGraph[4 models, 4 relations]");
        java.io.StringWriter out = new java.io.StringWriter();
        graph.write(out, ModelGraph.Format.of(" DOT "));
        assertThat(out.toString()).isEqualTo(graph.dot()).isEqualTo(graph.render(ModelGraph.Format.DOT));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelGraph.Format.of("png"))
                .hasMessage("Unknown graph format 'png'. Choices are: mermaid, dot, svg");
    }
}
