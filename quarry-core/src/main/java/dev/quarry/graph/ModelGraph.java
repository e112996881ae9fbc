package dev.quarry.graph;

import dev.quarry.FieldInfo;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.RelationInfo;
import dev.quarry.RelationInfo.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A drawing of models and their relations (the {@code graph} command): each model a box of its fields, each
 * relation one arrow from the model that declares it to its target, labelled with the forward name and the reverse
 * accessor and query names the target gets ({@code author / books}, {@code book / review_set (query review)}), with
 * the number of objects at each end. Rendered as Mermaid ({@link #mermaid()}), Graphviz ({@link #dot()}) or a
 * self-contained SVG ({@link #svg()}). Built from the public metadata of {@link Quarry#models()}; immutable.
 */
public final class ModelGraph {
    private final List<Node> nodes;
    private final List<Edge> edges;

    private ModelGraph(List<Node> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
    }

    /** The graph of every model of {@code quarry}. */
    public static ModelGraph of(Quarry quarry) {
        return of(Objects.requireNonNull(quarry, "quarry").models());
    }

    /** The graph of these models (relations to models not listed are drawn to a box with the target's name only). */
    public static ModelGraph of(List<ModelInfo> models) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<Class<?>, ModelInfo> byType = new HashMap<>();
        models.forEach(m -> byType.put(m.type(), m));
        Map<String, Integer> taken = new HashMap<>();
        for (ModelInfo m : models) {
            List<String[]> fields = new ArrayList<>();
            for (FieldInfo f : m.fields()) {
                // FieldInfo calls a one-to-one a ForeignKey (its column is one); the drawing says which it is.
                fields.add(new String[] {f.queryName(), f.kind()});
            }
            for (RelationInfo r : m.relations()) {
                if (r.kind() == Kind.MANY_TO_MANY) {
                    fields.add(new String[] {r.queryName(), "ManyToManyField"});
                }
                if (r.kind() == Kind.FOREIGN_KEY || r.kind() == Kind.ONE_TO_ONE || r.kind() == Kind.MANY_TO_MANY) {
                    edges.add(edge(m, r, byType.get(r.target()), taken));
                }
            }
            nodes.add(new Node(m.name(), fields));
        }
        return new ModelGraph(nodes, edges);
    }

    /**
     * The forward relation {@code r} of {@code m} with the reverse side its target gets. The public metadata does not
     * link the two sides, so the reverse sides the target lists for {@code m} are taken in declaration order, one per
     * forward relation of that kind (a hidden reverse side, {@code relatedName = "+"}, is listed by neither).
     */
    private static Edge edge(ModelInfo m, RelationInfo r, ModelInfo target, Map<String, Integer> taken) {
        Kind reverseKind = switch (r.kind()) {
            case FOREIGN_KEY -> Kind.REVERSE_FOREIGN_KEY;
            case ONE_TO_ONE -> Kind.REVERSE_ONE_TO_ONE;
            default -> Kind.REVERSE_MANY_TO_MANY;
        };
        List<RelationInfo> reverses = target == null ? List.of() : target.relations().stream()
                .filter(x -> x.kind() == reverseKind && x.declaredBy() == m.type()).toList();
        String key = m.name() + ">" + r.target().getName() + ">" + reverseKind;
        int index = taken.merge(key, 1, Integer::sum) - 1;
        RelationInfo reverse = index < reverses.size() ? reverses.get(index) : null;
        String to = target == null ? r.target().getSimpleName() : target.name();
        String from = r.kind() == Kind.MANY_TO_MANY ? "*" : r.kind() == Kind.ONE_TO_ONE ? "0..1" : "*";
        String toCount = r.kind() == Kind.MANY_TO_MANY ? "*" : m.field(r.name()).nullable() ? "0..1" : "1";
        return new Edge(m.name(), to, r.queryName(), reverse == null ? "+" : reverse.name(),
                reverse == null ? "" : reverse.queryName(), from, toCount);
    }

    /** Mermaid {@code classDiagram} text: a class per model with its fields, an association per relation. */
    public String mermaid() {
        StringBuilder sb = new StringBuilder("classDiagram\n    direction LR\n");
        for (Node n : nodes) {
            sb.append("    class ").append(n.name()).append(" {\n");
            for (String[] f : n.fields()) {
                sb.append("        +").append(f[1]).append(' ').append(f[0]).append('\n');
            }
            sb.append("    }\n");
        }
        for (Edge e : edges) {
            sb.append("    ").append(e.from()).append(" \"").append(e.fromCount()).append("\" --> \"").append(e.toCount())
                    .append("\" ").append(e.to()).append(" : ").append(e.label()).append('\n');
        }
        return sb.toString();
    }

    /** Graphviz {@code dot} text: a record node per model with its fields, an edge per relation. */
    public String dot() {
        StringBuilder sb = new StringBuilder("digraph models {\n    rankdir=RL;\n")
                .append("    node [shape=record, fontname=\"Helvetica\", fontsize=10];\n")
                .append("    edge [fontname=\"Helvetica\", fontsize=9, arrowhead=vee];\n");
        for (Node n : nodes) {
            sb.append("    \"").append(n.name()).append("\" [label=\"{").append(n.name()).append('|');
            for (String[] f : n.fields()) {
                sb.append(escape(f[0] + " : " + f[1])).append("\\l");
            }
            sb.append("}\"];\n");
        }
        for (Edge e : edges) {
            sb.append("    \"").append(e.from()).append("\" -> \"").append(e.to()).append("\" [label=\"").append(escape(e.label()))
                    .append("\", taillabel=\"").append(e.fromCount()).append("\", headlabel=\"").append(e.toCount())
                    .append("\"];\n");
        }
        return sb.append("}\n").toString();
    }

    /** A self-contained SVG drawing: models in columns (each right of the models it refers to), arrows with their labels. */
    public String svg() {
        return SvgDrawing.draw(nodes, edges);
    }

    /** The text of the drawing in {@code format}. */
    public String render(Format format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case MERMAID -> mermaid();
            case DOT -> dot();
            case SVG -> svg();
        };
    }

    /** Writes the drawing in {@code format} to {@code out} (flushed, not closed): the {@code graph} command's output. */
    public void write(Writer out, Format format) {
        try {
            out.write(render(format));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the model graph: " + e.getMessage(), e);
        }
    }

    /** The forms a graph is drawn in. */
    public enum Format {
        /** Mermaid {@code classDiagram} text. */
        MERMAID,
        /** Graphviz {@code dot} text. */
        DOT,
        /** An SVG image drawn by Quarry. */
        SVG;

        /** The format named {@code name} in any case ({@code mermaid}, {@code dot}, {@code svg}); another is refused listing them. */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(Objects.requireNonNull(name, "name").trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("Unknown graph format '" + name + "'. Choices are: mermaid, dot, svg");
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("{", "\\{").replace("}", "\\}").replace("|", "\\|")
                .replace("<", "\\<").replace(">", "\\>");
    }

    /** The models and relations, for logs. */
    @Override
    public String toString() {
        return "ModelGraph[" + nodes.size() + " models, " + edges.size() + " relations]";
    }
}
