package dev.quarry;

import dev.quarry.model.Registry;
import dev.quarry.query.QueryTree;
import dev.quarry.query.ValueSlot;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The shapes QuerySets are built in, per registry: a tree whose root is a model's rows and whose
 * every node is one more building step without its values ({@code filter("review_count__gt", ?)},
 * {@code orderBy("-avg", "id")}, {@code limit(10)}). A step is first applied to the query tree as
 * usual; once it succeeded, its node keeps a {@link ValueSlot} per value, and the same step built
 * again on the same node only prepares its new values (failing there, with the tree's message, on
 * a bad one) and leaves the tree to be built if it is ever needed. A node is the key of the
 * compiled SQL of its shape ({@link dev.quarry.load.CompiledShapes}), so that building and running
 * a query of a known shape builds no tree and compiles nothing.
 *
 * <p>Owned by the registry (nothing static); at most {@value #MAX_NODES} nodes per registry, after
 * which new shapes are built the usual way. Safe to use from any number of threads: nodes are
 * immutable but for their children, kept in concurrent maps.
 */
final class Shapes {
    /** The most nodes kept per registry. */
    static final int MAX_NODES = 4096;

    /** The most values a cached shape has: their variant bits, three per value, fit in one {@code long}. */
    private static final int MAX_VALUES = 21;

    /** The key of a registry's count of nodes among the values it derives. */
    private record Key() {}

    /** The key of a model's root among the values a registry derives. */
    private record RootKey(Class<?> type) {}

    private static final Key KEY = new Key();

    private Shapes() {}

    /** A model's rows in a registry: the root of their shapes and the tree of all rows, resolved, shared. */
    record Root(Cursor cursor, Plan.Resolved resolved) {}

    /** The first step stored after a node, with its node: most nodes have one, found without hashing the key. */
    private record First(Object key, Node node) {}

    /** One step of a shape: the slots of its values (none for a step without values), and the steps after it. */
    private static final class Node {
        final List<ValueSlot> slots;
        /** The count of nodes of the registry, shared by all its nodes (a root not kept by the registry has its own, and dies with it). */
        final AtomicInteger count;
        final ConcurrentHashMap<Object, Node> children = new ConcurrentHashMap<>(4);
        volatile First first;

        Node(List<ValueSlot> slots, AtomicInteger count) {
            this.slots = slots;
            this.count = count;
        }

        Node child(Object key) {
            First f = first;
            if (f != null && f.key().equals(key)) {
                return f.node();
            }
            return f == null ? null : children.get(key);
        }
    }

    /** What the compiled SQL of a shape depends on besides the database: its node and the variants of its values. */
    private record Terminal(Node node, long variants, String name) {}

    /**
     * Where a QuerySet's building stands in its registry's shapes: the node of its last step, and
     * its values prepared so far, in order, with their variant bits. Immutable.
     */
    record Cursor(Registry registry, Node node, Object[] values, long variants) {
        /**
         * The cursor after the step {@code key} with these values when this shape is known (the
         * values prepared with the node's slots, which throw as the tree would), or {@code null}
         * when it is not: the step must be applied to the tree, then {@link #add}ed.
         */
        Cursor known(Object key, List<Object> raw) {
            Node next = node.child(key);
            return next == null ? null : advance(next, raw);
        }

        /**
         * The cursor after the step {@code key} with these values, which the tree has just accepted;
         * {@code slots} computes their slots from the tree before the step. {@code null} when no more
         * shapes are kept or the shape has too many values.
         */
        Cursor add(Object key, List<Object> raw, QueryTree before, Function<QueryTree, List<ValueSlot>> slots) {
            Node next = node.child(key);
            if (next == null) {
                // Read before counting: once full, a miss neither writes the shared count nor can wrap it past the bound.
                if (values.length + raw.size() > MAX_VALUES || node.count.get() >= MAX_NODES
                        || node.count.incrementAndGet() > MAX_NODES) {
                    return null;
                }
                List<ValueSlot> s = raw.isEmpty() ? List.of() : slots.apply(before);
                if (s.size() != raw.size()) {
                    throw new IllegalStateException("a step with " + raw.size() + " values has " + s.size() + " slots");
                }
                Node made = new Node(s, node.count);
                synchronized (node) {
                    next = node.child(key);
                    if (next == null) {
                        next = made;
                        node.children.put(key, made);
                        if (node.first == null) {
                            node.first = new First(key, made);
                        }
                    }
                }
            }
            return advance(next, raw);
        }

        private Cursor advance(Node next, List<Object> raw) {
            if (raw.isEmpty()) {
                return new Cursor(registry, next, values, variants);
            }
            Object[] more = Arrays.copyOf(values, values.length + raw.size());
            long v = variants;
            for (int i = 0; i < raw.size(); i++) {
                ValueSlot slot = next.slots.get(i);
                Object prepared = slot.prepare(raw.get(i));
                more[values.length + i] = prepared;
                v |= (long) slot.variant(prepared) << (3 * (values.length + i));
            }
            return new Cursor(registry, next, more, v);
        }

        /** The values prepared so far, in order. */
        List<Object> prepared() {
            return Arrays.asList(values);
        }

        /** The key of this shape's compiled SQL for the terminal call {@code name} ({@code "list"}, {@code "sql"}). */
        Object terminal(String name) {
            return new Terminal(node, variants, name);
        }
    }

    /** All rows of {@code type} in {@code registry}: the cursor at the root of their shapes, and their tree. */
    static Root root(Registry registry, Class<? extends Model> type) {
        return registry.derived(new RootKey(type), k -> {
            AtomicInteger count = registry.derived(KEY, c -> new AtomicInteger());
            return new Root(new Cursor(registry, new Node(List.of(), count), new Object[0], 0L),
                    new Plan.Resolved(registry, QueryTree.of(registry, registry.meta(type))));
        });
    }
}
