package dev.quarry;

import dev.quarry.model.Registry;
import dev.quarry.query.QueryTree;
import dev.quarry.query.ValueSlot;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
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

    /**
     * The most paging steps ({@code limit}, {@code offset}, {@code slice}: their numbers are part of
     * their keys) kept after one node, about: paging through a listing page by page would otherwise
     * add a node per page until the registry's {@value #MAX_NODES} are used up, and no other query
     * would find room for its shape. The pages after these are built the usual way.
     */
    static final int MAX_PAGING_CHILDREN = 16;

    /** The most values a cached shape has: their variant bits, three per value, fit in one {@code long}. */
    private static final int MAX_VALUES = 21;

    /** The key of a registry's count of nodes among the values it derives. */
    private record Key() {}

    /** The key of a registry's roots, by model, among the values it derives. */
    private record RootsKey() {}

    private static final Key KEY = new Key();
    private static final RootsKey ROOTS = new RootsKey();

    /** The most one-lookup filters and terminal keys a node remembers (see {@link Node#leaves}, {@link Node#terminals}). */
    private static final int MAX_LEAVES = 4;
    private static final int MAX_TERMINALS = 8;

    private Shapes() {}

    /**
     * A model's rows in a registry: the root of their shapes, the tree of all rows, resolved, and the
     * QuerySet of all rows on the installed Quarry ({@code Manager.all()}), shared.
     */
    record Root(Cursor cursor, Plan.Resolved resolved, QuerySet<?> all) {}

    /** The first step stored after a node, with its node: most nodes have one, found without hashing the key. */
    private record First(Object key, Node node) {}

    /** A one-lookup filter step after a node, found by its lookup and its value's class without making its key. */
    private record Leaf(String lookup, Class<?> valueType, Node node) {}

    private static final Leaf[] NO_LEAVES = {};
    private static final Terminal[] NO_TERMINALS = {};

    /** One step of a shape: the slots of its values (none for a step without values), and the steps after it. */
    private static final class Node {
        final List<ValueSlot> slots;
        /** The count of nodes of the registry, shared by all its nodes (a root not kept by the registry has its own, and dies with it). */
        final AtomicInteger count;
        final ConcurrentHashMap<Object, Node> children = new ConcurrentHashMap<>(4);
        volatile First first;
        /** Some one-lookup filters stored after this node, at most {@value Shapes#MAX_LEAVES}; replaced whole, under its lock. */
        volatile Leaf[] leaves = NO_LEAVES;
        /** Some keys of this node's compiled SQL, at most {@value Shapes#MAX_TERMINALS}; replaced whole, under its lock. */
        volatile Terminal[] terminals = NO_TERMINALS;
        /** How many of the children are paging steps; written under this node's lock. */
        volatile int pagingChildren;

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

        /** The node after the one-lookup filter on {@code lookup} with a value of {@code type}, when remembered. */
        Node leaf(String lookup, Class<?> type) {
            for (Leaf l : leaves) {
                if (l.valueType() == type && l.lookup().equals(lookup)) {
                    return l.node();
                }
            }
            return null;
        }

        /** Remembers {@code next} as the node after that filter, while there is room. */
        void rememberLeaf(String lookup, Class<?> type, Node next) {
            synchronized (this) {
                Leaf[] now = leaves;
                if (now.length < MAX_LEAVES && leaf(lookup, type) == null) {
                    Leaf[] more = Arrays.copyOf(now, now.length + 1);
                    more[now.length] = new Leaf(lookup, type, next);
                    leaves = more;
                }
            }
        }

        /** The key of this node's compiled SQL for these variants and terminal call, made once while there is room. */
        Terminal terminal(long variants, String name) {
            Terminal found = find(terminals, variants, name);
            if (found != null) {
                return found;
            }
            synchronized (this) {
                Terminal[] now = terminals;
                found = find(now, variants, name);
                if (found != null) {
                    return found;
                }
                Terminal made = new Terminal(this, variants, name);
                if (now.length < MAX_TERMINALS) {
                    Terminal[] more = Arrays.copyOf(now, now.length + 1);
                    more[now.length] = made;
                    terminals = more;
                }
                return made;
            }
        }
    }

    /** The terminal key of {@code in} for these variants and terminal call, or {@code null}. */
    private static Terminal find(Terminal[] in, long variants, String name) {
        for (Terminal t : in) {
            if (t.variants == variants && t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * What the compiled SQL of a shape depends on besides the database: its node, the variants of its
     * values and the terminal call; it keeps the entry last found for it ({@link dev.quarry.load.CompiledShapes.Memo}).
     */
    private static final class Terminal extends dev.quarry.load.CompiledShapes.Memo {
        final Node node;
        final long variants;
        final String name;

        Terminal(Node node, long variants, String name) {
            this.node = node;
            this.variants = variants;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Terminal t && t.node == node && t.variants == variants && t.name.equals(name);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(node) * 31 + Long.hashCode(variants)) * 31 + name.hashCode();
        }
    }

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
         * The cursor after the one-lookup filter on {@code lookup} with {@code value} when this shape is
         * known, as {@link #known} with the key {@code keyOf} makes ({@code null}: the value is not a
         * plain one); the node is found by the lookup and the value's class once remembered, without
         * making the key.
         */
        Cursor knownLeaf(String lookup, Object value, BiFunction<String, Object, Object> keyOf) {
            Class<?> type = value.getClass();
            Node next = node.leaf(lookup, type);
            if (next == null) {
                Object key = keyOf.apply(lookup, value);
                next = key == null ? null : node.child(key);
                if (next == null) {
                    return null;
                }
                node.rememberLeaf(lookup, type, next);
            }
            Object[] more = Arrays.copyOf(values, values.length + 1);
            return new Cursor(registry, next, more, prepare(next.slots.get(0), value, more, values.length, variants));
        }

        /**
         * The cursor after the step {@code key} with these values, which the tree has just accepted;
         * {@code slots} computes their slots from the tree before the step. {@code null} when no more
         * shapes are kept or the shape has too many values.
         */
        Cursor add(Object key, List<Object> raw, QueryTree before, Function<QueryTree, List<ValueSlot>> slots) {
            Node next = node.child(key);
            if (next == null) {
                boolean paging = key instanceof QueryBase.StepKey k && k.paging();
                // Read before counting: once full, a miss neither writes the shared count nor can wrap it past the bound.
                if (values.length + raw.size() > MAX_VALUES || node.count.get() >= MAX_NODES
                        || paging && node.pagingChildren >= MAX_PAGING_CHILDREN || node.count.incrementAndGet() > MAX_NODES) {
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
                        if (paging) {
                            node.pagingChildren++; // under the lock: racing threads pass the bound by at most one each
                        }
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
                v = prepare(next.slots.get(i), raw.get(i), more, values.length + i, v);
            }
            return new Cursor(registry, next, more, v);
        }

        /** Prepares {@code raw} with {@code slot} into {@code into[at]}; the variants with its bits added. */
        private static long prepare(ValueSlot slot, Object raw, Object[] into, int at, long variants) {
            Object prepared = slot.prepare(raw);
            into[at] = prepared;
            return variants | (long) slot.variant(prepared) << (3 * at);
        }

        /** The values prepared so far, in order. */
        List<Object> prepared() {
            return Arrays.asList(values);
        }

        /** The key of this shape's compiled SQL for the terminal call {@code name} ({@code "list"}, {@code "sql"}). */
        Object terminal(String name) {
            return node.terminal(variants, name);
        }
    }

    /**
     * All rows of {@code type} in {@code registry}: the cursor at the root of their shapes, their tree,
     * and their QuerySet; made once per model and registry, found without making a key.
     */
    static Root root(Registry registry, Class<? extends Model> type) {
        ConcurrentHashMap<Class<?>, Root> roots = registry.derived(ROOTS, k -> new ConcurrentHashMap<>());
        Root root = roots.get(type);
        if (root != null) {
            return root;
        }
        AtomicInteger count = registry.derived(KEY, c -> new AtomicInteger());
        Cursor cursor = new Cursor(registry, new Node(List.of(), count), new Object[0], 0L);
        Plan.Resolved resolved = new Plan.Resolved(registry, QueryTree.of(registry, registry.meta(type)));
        @SuppressWarnings({"unchecked", "rawtypes"})
        QuerySet<?> all = new QuerySet(type, Plan.root(type, resolved, cursor));
        Root made = new Root(cursor, resolved, all);
        // Bounded by the registry's models: meta(type) has refused any other class.
        Root raced = roots.putIfAbsent(type, made);
        return raced != null ? raced : made;
    }
}
