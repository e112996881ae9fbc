package dev.quarry.load;

import dev.quarry.FetchMode;
import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.Ref;
import dev.quarry.internal.KeyMap;
import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import dev.quarry.db.Database;
import dev.quarry.query.Condition;
import dev.quarry.query.PerParentSlice;
import dev.quarry.query.QueryTree;
import dev.quarry.spi.Backend;
import dev.quarry.spi.ColumnReader;
import dev.quarry.sql.CompiledSql;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * prefetch_related: for a path {@code books__review_set}, one query per level (IN lists chunked
 * under the database's limit), the related rows stitched onto their owners so that
 * {@code related("books").all()} runs no query afterwards.
 */
public final class Prefetcher {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private Prefetcher() {}

    /**
     * Prefetches {@code path} onto {@code instances} (all of one model), optionally with a custom query
     * for the last level and a name ({@code toAttr}) to keep the last level's rows under instead of the
     * relation's cache; returns the rows of the last level, for a nested prefetch to continue from.
     */
    public static List<Object> prefetch(Session session, List<?> instances, String path, FetchMode mode, QueryTree lastLevel,
                                        String toAttr) {
        List<Object> level = new ArrayList<>(instances);
        String[] parts = dev.quarry.internal.Names.splitLookup(path);
        for (int i = 0; i < parts.length && !level.isEmpty(); i++) {
            ModelMeta meta = session.registry().meta(level.get(0).getClass());
            boolean last = i == parts.length - 1;
            level = one(session, meta, level, parts[i], last && toAttr != null ? toAttr : parts[i], mode,
                    last ? lastLevel : null);
        }
        return level;
    }

    /**
     * Checks the name a Prefetch keeps its rows under against the model owning the last level: it may not
     * be one of its fields or relations (Django: "to_attr=... conflicts with a field on the ... model").
     */
    public static void checkToAttr(Registry registry, ModelMeta root, String path, String toAttr, Map<String, ModelMeta> named) {
        int i = path.lastIndexOf("__");
        ModelMeta owner = i < 0 ? root : check(registry, root, path.substring(0, i), named);
        if (owner.field(toAttr) != null || owner.manyToMany(toAttr) != null || registry.reverseByAccessor(owner, toAttr) != null) {
            throw new FieldError(owner.type(), toAttr, String.format("Prefetch(\"%s\").to(\"%s\"): '%s' is already a field "
                    + "or relation of %s; keep the rows under another name, such as \"%sPrefetched\"", path, toAttr,
                    toAttr, owner.name(), toAttr));
        }
    }

    /**
     * Checks a prefetch path against the models before any SQL runs, so that a misspelt path fails
     * before the main query instead of after it; returns the model the path ends on.
     */
    public static ModelMeta check(Registry registry, ModelMeta root, String path) {
        return check(registry, root, path, Map.of());
    }

    /**
     * As {@link #check(Registry, ModelMeta, String)}, where the path may continue from the rows an earlier
     * Prefetch kept under a name: {@code named} maps such a path ({@code "recentBooks"},
     * {@code "books__good"}) to the model of its rows.
     */
    public static ModelMeta check(Registry registry, ModelMeta root, String path, Map<String, ModelMeta> named) {
        String[] parts = dev.quarry.internal.Names.splitLookup(path);
        ModelMeta meta = root;
        int start = 0;
        for (int k = parts.length; k >= 1 && start == 0; k--) {
            ModelMeta kept = named.get(String.join("__", java.util.Arrays.copyOfRange(parts, 0, k)));
            if (kept != null) {
                meta = kept;
                start = k;
            }
        }
        for (int i = start; i < parts.length; i++) {
            String name = parts[i];
            ReverseRelation reverse = registry.reverseByAccessor(meta, name);
            ManyToManyMeta m2m = meta.manyToMany(name);
            FieldMeta fk = meta.field(name);
            if (reverse != null) {
                meta = reverse.source();
            } else if (m2m != null) {
                meta = m2m.target();
            } else if (fk != null && fk.isForeignKey()) {
                meta = fk.relation().target();
            } else {
                throw notARelation(registry, meta, name, path);
            }
        }
        return meta;
    }

    private static FieldError notARelation(Registry registry, ModelMeta meta, String name, String path) {
        List<String> choices = new ArrayList<>(registry.relatedNames(meta));
        choices.addAll(registry.oneToOneNames(meta));
        meta.foreignKeys().forEach(f -> choices.add(f.name()));
        return new FieldError(meta.type(), name, String.format("Cannot find '%s' on %s (in prefetchRelated(\"%s\")): it "
                + "is not a relation prefetchRelated can follow. Choices are: %s", name, meta.name(), path,
                String.join(", ", choices.stream().sorted().toList())));
    }

    /** One level: the relation {@code name} of {@code owners}, its rows cached on each owner under {@code key}. */
    private static List<Object> one(Session session, ModelMeta meta, List<?> owners, String name, String key, FetchMode mode,
                                    QueryTree custom) {
        Map<String, List<Object>> first = ACCESS.prefetched(owners.get(0), false);
        if (first != null && first.containsKey(key)) {
            List<Object> next = new ArrayList<>();
            for (Object o : owners) {
                List<Object> cached = ACCESS.prefetched(o, true).get(key);
                if (cached != null) {
                    next.addAll(cached);
                }
            }
            return next;
        }
        Registry registry = session.registry();
        ReverseRelation reverse = registry.reverseByAccessor(meta, name);
        if (reverse != null && !reverse.isManyToMany()) {
            return reverseForeignKey(session, meta, owners, key, reverse, mode, custom);
        }
        ManyToManyMeta m2m = meta.manyToMany(name);
        if (m2m != null) {
            return manyToMany(session, meta, owners, key, m2m.target(), m2m.throughTable(), m2m.targetColumn(),
                    m2m.sourceColumn(), mode, custom);
        }
        if (reverse != null) {
            ManyToManyMeta m = reverse.manyToMany();
            return manyToMany(session, meta, owners, key, m.source(), m.throughTable(), m.sourceColumn(),
                    m.targetColumn(), mode, custom);
        }
        FieldMeta fk = meta.field(name);
        if (fk != null && fk.isForeignKey()) {
            return forwardForeignKey(session, owners, fk, mode, custom, key.equals(name) ? null : key);
        }
        throw notARelation(registry, meta, name, name);
    }

    /** What the SQL of a level's default query depends on besides the database: the model, the key, the number of keys. */
    private record LevelShape(Class<?> model, String foreignKey, int keys) {}

    /** The owners with one primary key: the list of their related rows, filled while the rows are read. */
    private static final class Slot {
        Object owner;
        List<Object> rows;

        void add(Object row) {
            if (rows == null) {
                rows = new ArrayList<>(4);
            }
            rows.add(row);
        }

        List<Object> rows() {
            return rows == null ? List.of() : rows;
        }
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

    private static <T> List<List<T>> chunks(List<T> all, Backend backend) {
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

    private static List<Object> reverseForeignKey(Session session, ModelMeta meta, List<?> owners, String name,
                                                  ReverseRelation r, FetchMode mode, QueryTree custom) {
        Database db = session.database();
        FieldMeta fk = r.foreignKey();
        Slot[] slots = new Slot[owners.size()];
        List<Object> keys = new ArrayList<>(owners.size());
        KeyMap<Slot> byKey = slots(meta, owners, slots, keys);
        List<Object> all = new ArrayList<>();
        for (List<Object> chunk : chunks(keys, db.backend())) {
            QueryTree t;
            if (custom != null && custom.isSliced()) {
                // A slice per owner: one query numbering each owner's rows (ROW_NUMBER() OVER (PARTITION BY fk ...)).
                t = PerParentSlice.byForeignKey(PerParentSlice.unsliced(custom).filter(
                        new Condition.Leaf(fk.name() + "__in", chunk)), custom, fk);
            } else if (custom == null) {
                // The default query of a level: compiled once per chunk size (the compiled-query cache).
                t = null;
            } else {
                t = ordered(custom).filter(new Condition.Leaf(fk.name() + "__in", chunk));
            }
            List<Object> rows = t != null ? Loader.models(session, t, mode)
                    : CompiledShapes.models(session, new LevelShape(r.source().type(), fk.name(), chunk.size()), chunk,
                            () -> ordered(QueryTree.of(session.registry(), r.source()))
                                    .filter(new Condition.Leaf(fk.name() + "__in", chunk)), mode);
            all.addAll(rows);
            // One pass: each row's key read once, its owner found without boxing, its Ref pointed back at the owner.
            for (Object row : rows) {
                // A multi-table child's parent link holds its parent's key itself, not a Ref.
                Object value = fk.get(row);
                Ref<?> ref = fk.isForeignKey() ? (Ref<?>) value : null;
                Slot slot = byKey.get(ref != null ? ref.id() : value);
                if (slot != null) {
                    slot.add(row);
                    if (ref != null) {
                        ACCESS.cacheRef(ref, slot.owner);
                    }
                }
            }
        }
        for (int i = 0; i < slots.length; i++) {
            ACCESS.prefetched(owners.get(i), true).put(name, slots[i].rows());
        }
        return all;
    }

    private static List<Object> manyToMany(Session session, ModelMeta meta, List<?> owners, String name, ModelMeta target,
                                           String through, String targetColumn, String sourceColumn, FetchMode mode,
                                           QueryTree custom) {
        Database db = session.database();
        Backend backend = db.backend();
        Slot[] slots = new Slot[owners.size()];
        List<Object> keys = new ArrayList<>(owners.size());
        KeyMap<Slot> byOwner = slots(meta, owners, slots, keys);
        KeyMap<Object> seen = new KeyMap<>(owners.size());
        List<Object> distinct = new ArrayList<>();
        ColumnReader keyReader = backend.operations().reader(meta.pk().type().referenceType());
        for (List<Object> chunk : chunks(keys, backend)) {
            QueryTree t;
            if (custom != null && custom.isSliced()) {
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
                    Object pk = target.pkValue(row);
                    Object canonical = seen.get(pk);
                    if (canonical == null) {
                        seen.put(pk, row);
                        distinct.add(row);
                        canonical = row;
                    }
                    Slot slot = byOwner.get(keyReader.read(rs, ownerColumn));
                    if (slot != null) {
                        slot.add(canonical);
                    }
                }
                return null;
            });
            context.setPeers(new ArrayList<>(distinct));
        }
        for (int i = 0; i < slots.length; i++) {
            ACCESS.prefetched(owners.get(i), true).put(name, slots[i].rows());
        }
        return distinct;
    }

    /** A forward foreign key; with {@code toAttr}, each owner gets a list of its one target (or none) and its Ref stays as it was. */
    private static List<Object> forwardForeignKey(Session session, List<?> owners, FieldMeta fk, FetchMode mode,
                                                  QueryTree custom, String toAttr) {
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
        for (List<Object> chunk : chunks(new ArrayList<>(ids), db.backend())) {
            QueryTree base = ordered(custom != null ? custom : QueryTree.of(session.registry(), target));
            for (Object row : Loader.models(session, base.filter(new Condition.Leaf("pk__in", chunk)), mode)) {
                byKey.put(target.pkValue(row), row);
            }
        }
        List<Object> next = new ArrayList<>();
        for (Object o : owners) {
            Ref<?> ref = (Ref<?>) fk.get(o);
            if (toAttr != null) {
                Object value = ref.id() == null ? null : byKey.get(ref.id());
                ACCESS.prefetched(o, true).put(toAttr, value == null ? List.of() : List.of(value));
                if (value != null) {
                    next.add(value);
                }
                continue;
            }
            if (ref.id() != null && !ACCESS.refLoaded(ref)) {
                Object value = byKey.get(ref.id());
                ACCESS.cacheRef(ref, value);
            }
            Object value = ACCESS.refLoaded(ref) ? loadedTarget(ref) : null;
            if (value != null) {
                next.add(value);
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(next));
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
