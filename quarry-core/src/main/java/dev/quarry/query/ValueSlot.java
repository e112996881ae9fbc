package dev.quarry.query;

import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.expr.Col;
import dev.quarry.query.lookup.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one plain value of a filter goes: its lookup path resolved against a tree (a field, with
 * the joins it needs, or an annotation), and how the value is prepared for it. The same
 * preparation serves the tree ({@link WhereBuilder}) and the QuerySet shape cache, which keeps a
 * slot per value of a cached shape and prepares a new value with it where the QuerySet is built,
 * so that a bad value fails there with the same message without building the tree again.
 * Immutable; safe to share between threads.
 */
public final class ValueSlot {
    /** The variant bit of a value whose condition matches a missing related row (the join becomes LEFT OUTER). */
    public static final int MATCHES_MISSING_ROW = 1;
    /** The variant bit of a {@code Boolean} value (a lookup such as {@code isnull} writes it into the SQL). */
    public static final int BOOLEAN = 2;
    /** The variant bit of {@code Boolean.TRUE}. */
    public static final int TRUE = 4;

    private final String path;
    private final String subject;
    /** The resolved lookup on an annotation, or {@code null} for a field path. */
    final Lookups.Resolved annotated;
    /** The field path, or {@code null} for an annotation. */
    final ParsedPath parsed;
    /** The lookup on the field at a placeholder alias (the value's preparation does not depend on the alias). */
    final Lookups.Resolved probe;

    private ValueSlot(String path, String subject, Lookups.Resolved annotated, ParsedPath parsed, Lookups.Resolved probe) {
        this.path = path;
        this.subject = subject;
        this.annotated = annotated;
        this.parsed = parsed;
        this.probe = probe;
    }

    /** The lookup {@code path} resolved against {@code t} (an annotation of {@code t} or a field path), or its error. */
    static ValueSlot resolve(QueryTree t, String path) {
        int cut = path.indexOf("__");
        // An annotation's alias is never a field's, a relation's or a parent's name (Annotator refuses them).
        String alias = PathResolver.annotationAt(t, path, cut);
        if (alias != null) {
            List<String> rest = cut >= 0 ? List.of(dev.quarry.internal.Names.splitLookup(path.substring(cut + 2))) : List.of();
            return new ValueSlot(path, alias, Lookups.resolve(t.model.type(), t.annotationRef(alias), rest, alias), null, null);
        }
        return t.registry.derived(new FieldSlot(t.model, path), k -> onField(t.registry, k.model(), k.path()));
    }

    /** What the slot of a lookup on a field depends on besides the registry: it is worked out once per registry, model and path. */
    private record FieldSlot(ModelMeta model, String path) {}

    private static ValueSlot onField(Registry registry, ModelMeta model, String path) {
        ParsedPath parsed = ParsedPath.parse(registry, model, path);
        String subject = parsed.field().toString();
        Lookups.Resolved probe = Lookups.resolve(parsed.field().model().type(), Col.of("?", parsed.field()), parsed.rest(),
                subject);
        return new ValueSlot(path, subject, null, parsed, probe);
    }

    /**
     * The slots of every lookup of {@code c} in order (depth first, as {@link #shape} lists
     * their values), resolved against {@code before}, the tree the condition is applied to.
     */
    public static List<ValueSlot> of(QueryTree before, Condition c) {
        List<ValueSlot> out = new ArrayList<>();
        collect(before, c, out);
        return List.copyOf(out);
    }

    private static void collect(QueryTree t, Condition c, List<ValueSlot> out) {
        if (c instanceof Condition.Leaf leaf) {
            out.add(resolve(t, leaf.lookup()));
        } else if (c instanceof Condition.Node n) {
            for (Condition child : n.children()) {
                collect(t, child, out);
            }
        } else {
            throw new IllegalArgumentException("no value slot in " + c.describe());
        }
    }

    private record LeafShape(String lookup, Class<?> valueType) {}

    private record NodeShape(boolean or, boolean negated, List<Object> children) {}

    /**
     * The structure of {@code c} without its values: equal for two conditions that differ only in
     * their plain values of the same classes. Its values are added to {@code values} in the order of
     * {@link #of}. {@code null} when a value is not a plain one ({@code null}, an expression, a
     * query, a collection or array, a {@code Ref}) or the condition holds an expression: such a
     * condition is built anew each time.
     */
    public static Object shape(Condition c, List<Object> values) {
        if (c instanceof Condition.Leaf leaf) {
            Object v = leaf.value();
            if (v == null || v instanceof dev.quarry.expr.Expression<?> || v instanceof java.util.Collection<?>
                    || v.getClass().isArray() || v instanceof dev.quarry.Ref<?> || v instanceof java.util.Map<?, ?>
                    || QueryHooks.get().isQuery(v)) {
                return null;
            }
            values.add(v);
            return new LeafShape(leaf.lookup(), v.getClass());
        }
        if (!(c instanceof Condition.Node n)) {
            return null;
        }
        List<Object> children = new ArrayList<>(n.children().size());
        for (Condition child : n.children()) {
            Object s = shape(child, values);
            if (s == null) {
                return null;
            }
            children.add(s);
        }
        return new NodeShape(n.or(), n.negated(), children);
    }

    /** What the condition is written as in messages ({@code Book.title}, or the annotation's name). */
    String subject() {
        return subject;
    }

    /**
     * A plain value (no expression, no query) prepared for this slot's lookup, with the checks and
     * the error of the tree: an instance of the wrong model, a value the column cannot hold.
     */
    public Object prepare(Object value) {
        Lookups.Resolved r = annotated != null ? annotated : probe;
        if (parsed != null) {
            parsed.checkInstances(value, path);
        }
        return r.lookup().prepare(Values.toStored(r.expr(), value), r.expr().outputType(), subject);
    }

    /**
     * What, beside the value's class, the SQL of a condition on this slot depends on for this
     * prepared value: {@link #MATCHES_MISSING_ROW}, {@link #BOOLEAN}, {@link #TRUE}.
     */
    public int variant(Object prepared) {
        int v = parsed != null && probe.lookup().matchesMissingRow(prepared) ? MATCHES_MISSING_ROW : 0;
        if (prepared instanceof Boolean b) {
            v |= BOOLEAN | (b ? TRUE : 0);
        }
        return v;
    }

    @Override
    public String toString() {
        return "ValueSlot(" + path + ")";
    }
}
