package dev.quarry.load;

import dev.quarry.FetchMode;
import dev.quarry.Ordering;
import dev.quarry.Ref;
import dev.quarry.db.Database;
import dev.quarry.internal.KeyMap;
import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.ReverseRelation;
import dev.quarry.query.Condition;
import dev.quarry.query.PerParentSlice;
import dev.quarry.query.QueryTree;
import dev.quarry.spi.Backend;
import dev.quarry.spi.ColumnReader;
import dev.quarry.sql.CompiledSql;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One level of a prefetch: its query (with an IN list of the owners' keys, chunked under the
 * database's limit, or without one when the owners are every row a relation can attach to; see
 * {@link WholeLevels}), and the stitching of its rows onto their owners in one pass, each row's key read
 * once and its owner found without boxing. Rows whose key has no owner (inserted between the queries,
 * or of an owner a query left out, or with a {@code NULL} key) are dropped.
 */
final class PrefetchLevels {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private PrefetchLevels() {}

    /** The rows a level attached to its owners, in the order read, and whether they are every row of their model. */
    record Level(List<Object> rows, boolean whole) {}

    /** What the SQL of a level's default query depends on besides the database: the model, the key, the number of keys (-1: none). */
    private record LevelShape(Class<?> model, String foreignKey, int keys) {}

    /** The owners with one primary key: the list of their related rows, filled while the rows are read. */
    private static final class Slot {
        Object owner;
        List<Object> rows;
        /** The whole-number key of the last row given to {@link #add(Object, long)}, and whether a row came before a smaller one. */
        long lastKey = Long.MIN_VALUE;
        boolean unordered;

        void add(Object row) {
            if (rows == null) {
                rows = new ArrayList<>(4);
            }
            rows.add(row);
        }

        /** Adds a row whose whole-number primary key is {@code key}, noting whether the rows stay in key order. */
        void add(Object row, long key) {
            add(row);
            unordered |= key < lastKey;
            lastKey = key;
        }

        List<Object> rows() {
            return rows == null ? List.of() : rows;
        }

        /** Puts the rows given to {@link #add(Object, long)} in ascending order of their keys, unless they came so. */
        void sortByKey(ModelMeta meta) {
            if (unordered) {
                rows.sort(java.util.Comparator.comparingLong(row -> wholeKey(meta, row)));
                unordered = false;
            }
        }
    }

    /** The whole-number primary key of {@code row} (of a model whose rows {@link #sortsInJava}). */
    private static long wholeKey(ModelMeta meta, Object row) {
        return ((Number) meta.pkValue(row)).longValue();
    }

    /**
     * Whether the rows of {@code related} can be put in primary-key order in Java rather than by the
     * query: its key is a whole number (in SQL and Java alike; text or UUID keys may sort differently
     * in the database's collation). A database that has no index order at hand sorts every row for an
     * {@code ORDER BY}: PostgreSQL sorted W2's 100,000 reviews on disk (27 ms against 8 without).
     */
    private static boolean sortsInJava(ModelMeta related) {
        FieldMeta pk = related.pk();
        Class<?> t = pk.boxedType();
        return pk.type().isIntegral() && (t == Long.class || t == Integer.class || t == Short.class || t == Byte.class);
    }

    /**
     * Indexes {@code owners} by primary key (read once each; whole-number keys unboxed), filling
     * {@code slots} with each owner's slot, in the owners' order, and {@code keys} with the distinct keys.
     */
    private static KeyMap<Slot> slots(ModelMeta meta, List<?> owners, Slot[] slots, List<Object> keys) {
        KeyMap<Slot> byKey = new KeyMap<>(owners.size());
        for (int i = 0; i < slots.length; i++) {
            Object o = owners.get(i);
            Object key = meta.pkValue(o);
            Slot slot = byKey.get(key);
            if (slot == null) {
                slot = new Slot();
                byKey.put(key, slot);
                keys.add(key);
            }
            slot.owner = o;
            slots[i] = slot;
        }
        return byKey;
    }

    private static void keep(List<?> owners, Slot[] slots, String name) {
        for (int i = 0; i < slots.length; i++) {
            ACCESS.prefetched(owners.get(i), true).put(name, slots[i].rows());
        }
    }

    /** The keys in lists short enough for one IN each; with {@code whole} owners, one list standing for no IN at all. */
    private static <T> List<List<T>> chunks(List<T> all, Backend backend, boolean whole) {
        if (whole) {
            return java.util.Collections.singletonList(null);
        }
        int size = Math.max(1, Math.min(backend.features().maxInListSize(), backend.features().maxBindParameters() - 100));
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    /**
     * The query of a to-many level in a defined order: its own, else the primary key. A prefetched
     * relation answers first() and last() from memory, and they must be the rows the database
     * would give (Django orders an unordered first() by primary key).
     */
    private static QueryTree ordered(QueryTree t) {
        return t.ordering().isEmpty() && !t.isSliced() ? t.orderBy(List.of(Ordering.asc("pk"))) : t;
    }

    /**
     * The rows of a reverse foreign key (or reverse one-to-one, or a multi-table parent's child).
     * Without an IN list when {@code wholeOwners} are every row of the key's target and the Prefetch is
     * not sliced per owner; the rows are then every row of their model when the key is neither nullable
     * nor unconstrained (no dangling key) and the Prefetch QuerySet keeps every row.
     */
    static Level reverseForeignKey(Session session, ModelMeta meta, List<?> owners, String name, ReverseRelation r,
                                   FetchMode mode, QueryTree custom, boolean wholeOwners) {
        Database db = session.database();
        FieldMeta fk = r.foreignKey();
        boolean sliced = custom != null && custom.isSliced();
        boolean whole = wholeOwners && !sliced && WholeLevels.sameTable(meta, r.target());
        Slot[] slots = new Slot[owners.size()];
        List<Object> keys = new ArrayList<>(owners.size());
        KeyMap<Slot> byKey = slots(meta, owners, slots, keys);
        // The default query: the model's own ordering if it has one, else the key's order, kept in Java for whole numbers.
        QueryTree plain = custom == null ? QueryTree.of(session.registry(), r.source()) : null;
        boolean javaOrder = plain != null && plain.ordering().isEmpty() && sortsInJava(r.source());
        List<Object> all = new ArrayList<>();
        for (List<Object> chunk : chunks(keys, db.backend(), whole)) {
            List<Object> rows;
            if (sliced) {
                // A slice per owner: one query numbering each owner's rows (ROW_NUMBER() OVER (PARTITION BY fk ...)).
                rows = Loader.models(session, PerParentSlice.byForeignKey(PerParentSlice.unsliced(custom).filter(
                        new Condition.Leaf(fk.name() + "__in", chunk)), custom, fk), mode);
            } else if (custom != null) {
                rows = Loader.models(session, chunk == null ? ordered(custom)
                        : ordered(custom).filter(new Condition.Leaf(fk.name() + "__in", chunk)), mode);
            } else {
                // The default query of a level: compiled once per chunk size (the compiled-query cache); with a
                // whole-number key, unordered, each owner's rows put in key order below.
                QueryTree base = javaOrder ? plain : ordered(plain);
                rows = CompiledShapes.models(session, new LevelShape(r.source().type(), fk.name(),
                        chunk == null ? -1 : chunk.size()), chunk == null ? List.of() : chunk,
                        () -> chunk == null ? base : base.filter(new Condition.Leaf(fk.name() + "__in", chunk)), mode);
            }
            int before = all.size();
            for (Object row : rows) {
                // A multi-table child's parent link holds its parent's key itself, not a Ref.
                Object value = fk.get(row);
                Ref<?> ref = fk.isForeignKey() ? (Ref<?>) value : null;
                Slot slot = ref != null ? ACCESS.byRefKey(byKey, ref) : byKey.get(value);
                if (slot != null) {
                    if (javaOrder) {
                        slot.add(row, wholeKey(r.source(), row));
                    } else {
                        slot.add(row);
                    }
                    all.add(row);
                    if (ref != null) {
                        ACCESS.cacheRef(ref, slot.owner);
                    }
                }
            }
            keptAsPeers(rows, all.subList(before, all.size()));
        }
        if (javaOrder) {
            for (Slot slot : slots) {
                slot.sortByKey(r.source());
            }
        }
        keep(owners, slots, name);
        boolean keyAlwaysSet = !fk.nullable() && (fk.relation() == null || fk.relation().dbConstraint());
        return new Level(all, whole && keyAlwaysSet && (custom == null || WholeLevels.keepsEveryRow(custom)));
    }

    /** When rows of no owner were dropped, the rows kept are the peers a PEERS load covers, not every row read. */
    private static void keptAsPeers(List<Object> read, List<Object> kept) {
        if (kept.size() != read.size() && !read.isEmpty()) {
            Object context = ACCESS.context(read.get(0));
            if (context instanceof LoadContext c) {
                c.setPeers(new ArrayList<>(kept));
            }
        }
    }

    /**
     * The rows of a many-to-many relation, read joined to its through table (one row per link). Without
     * an IN list when {@code wholeOwners} are every row of the relation's source side and the Prefetch is
     * not sliced per owner: every link then starts from an owner. The targets are never every row of
     * their model (those linked to no owner are left out).
     */
    static Level manyToMany(Session session, ModelMeta meta, List<?> owners, String name, ModelMeta target, ModelMeta side,
                            String through, String targetColumn, String sourceColumn, FetchMode mode, QueryTree custom,
                            boolean wholeOwners) {
        Database db = session.database();
        Backend backend = db.backend();
        boolean sliced = custom != null && custom.isSliced();
        boolean whole = wholeOwners && !sliced && WholeLevels.sameTable(meta, side);
        Slot[] slots = new Slot[owners.size()];
        List<Object> keys = new ArrayList<>(owners.size());
        KeyMap<Slot> byOwner = slots(meta, owners, slots, keys);
        KeyMap<Object> seen = new KeyMap<>(owners.size());
        List<Object> distinct = new ArrayList<>();
        ColumnReader keyReader = backend.operations().reader(meta.pk().type().referenceType());
        for (List<Object> chunk : chunks(keys, backend, whole)) {
            QueryTree t;
            if (sliced) {
                t = PerParentSlice.byThroughColumn(PerParentSlice.unsliced(custom).prefetchThrough(through, targetColumn,
                        sourceColumn, meta.pk().type().referenceType(), chunk), custom);
            } else {
                QueryTree base = ordered(custom != null ? custom : QueryTree.of(session.registry(), target));
                t = base.prefetchThrough(through, targetColumn, sourceColumn, meta.pk().type().referenceType(), chunk);
            }
            CompiledSql sql = Loader.selectSql(backend, t);
            ModelRows rows = new ModelRows(t, backend.operations());
            LoadContext context = new LoadContext(session, mode);
            int ownerColumn = rows.width() + 1;
            db.query(sql, rs -> {
                while (rs.next()) {
                    Object row = rows.read(rs, context);
                    Slot slot = byOwner.get(keyReader.read(rs, ownerColumn));
                    if (slot == null) {
                        continue;
                    }
                    Object pk = target.pkValue(row);
                    Object canonical = seen.get(pk);
                    if (canonical == null) {
                        seen.put(pk, row);
                        distinct.add(row);
                        canonical = row;
                    }
                    slot.add(canonical);
                }
                return null;
            });
            context.setPeers(new ArrayList<>(distinct));
        }
        keep(owners, slots, name);
        return new Level(distinct, false);
    }

    /**
     * A forward foreign key, always with an IN list of the keys the owners hold (the targets no owner
     * refers to may be most of the table); with {@code toAttr}, each owner gets a list of its one target
     * (or none) and its Ref stays as it was.
     */
    static Level forwardForeignKey(Session session, List<?> owners, FieldMeta fk, FetchMode mode, QueryTree custom,
                                   String toAttr) {
        Database db = session.database();
        if (custom != null && custom.isSliced()) {
            throw new dev.quarry.QueryError(String.format("A Prefetch of the foreign key %s.%s cannot be sliced: each owner "
                    + "has at most one %s. Slice a to-many relation, or filter instead", fk.model().name(), fk.name(),
                    fk.relation().target().name()));
        }
        ModelMeta target = fk.relation().target();
        LinkedHashSet<Object> ids = new LinkedHashSet<>();
        for (Object o : owners) {
            Ref<?> ref = (Ref<?>) fk.get(o);
            if (ref.id() != null && (toAttr != null || !ACCESS.refLoaded(ref))) {
                ids.add(ref.id());
            }
        }
        KeyMap<Object> byKey = new KeyMap<>(ids.size());
        for (List<Object> chunk : chunks(new ArrayList<>(ids), db.backend(), false)) {
            QueryTree base = ordered(custom != null ? custom : QueryTree.of(session.registry(), target));
            for (Object row : Loader.models(session, base.filter(new Condition.Leaf("pk__in", chunk)), mode)) {
                byKey.put(target.pkValue(row), row);
            }
        }
        List<Object> next = new ArrayList<>();
        for (Object o : owners) {
            Ref<?> ref = (Ref<?>) fk.get(o);
            if (toAttr != null) {
                Object value = ACCESS.byRefKey(byKey, ref);
                ACCESS.prefetched(o, true).put(toAttr, value == null ? List.of() : List.of(value));
                if (value != null) {
                    next.add(value);
                }
                continue;
            }
            if (ref.id() != null && !ACCESS.refLoaded(ref)) {
                ACCESS.cacheRef(ref, ACCESS.byRefKey(byKey, ref));
            }
            Object value = ACCESS.refLoaded(ref) ? loadedTarget(ref) : null;
            if (value != null) {
                next.add(value);
            }
        }
        return new Level(new ArrayList<>(new LinkedHashSet<>(next)), false);
    }

    /** The loaded target of {@code ref}, or {@code null} when its key has no row (a dangling reference). */
    private static Object loadedTarget(Ref<?> ref) {
        try {
            return ref.get();
        } catch (dev.quarry.DoesNotExist dangling) {
            return null;
        }
    }
}
