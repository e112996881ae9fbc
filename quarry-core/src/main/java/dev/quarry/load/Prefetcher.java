package dev.quarry.load;

import dev.quarry.FetchMode;
import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.Ref;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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

    private static List<Object> keys(ModelMeta meta, List<?> owners) {
        LinkedHashSet<Object> keys = new LinkedHashSet<>();
        for (Object o : owners) {
            keys.add(meta.pkValue(o));
        }
        return new ArrayList<>(keys);
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
        Map<Object, List<Object>> byOwner = new HashMap<>();
        List<Object> all = new ArrayList<>();
        for (List<Object> chunk : chunks(keys(meta, owners), db.backend())) {
            QueryTree t;
            if (custom != null && custom.isSliced()) {
                // A slice per owner: one query numbering each owner's rows (ROW_NUMBER() OVER (PARTITION BY fk ...)).
                t = PerParentSlice.byForeignKey(PerParentSlice.unsliced(custom).filter(
                        new Condition.Leaf(fk.name() + "__in", chunk)), custom, fk);
            } else {
                QueryTree base = ordered(custom != null ? custom : QueryTree.of(session.registry(), r.source()));
                t = base.filter(new Condition.Leaf(fk.name() + "__in", chunk));
            }
            List<Object> rows = Loader.models(session, t, mode);
            all.addAll(rows);
            for (Object row : rows) {
                byOwner.computeIfAbsent(keyOf(fk, row), k -> new ArrayList<>()).add(row);
            }
        }
        Map<Object, Object> ownerByKey = new HashMap<>();
        for (Object o : owners) {
            Object key = meta.pkValue(o);
            ownerByKey.put(key, o);
            ACCESS.prefetched(o, true).put(name, byOwner.getOrDefault(key, List.of()));
        }
        for (Object row : all) {
            if (fk.isForeignKey()) { // a multi-table child (parent link) holds its parent's fields, not a Ref
                ACCESS.cacheRef(fk.get(row), ownerByKey.get(keyOf(fk, row)));
            }
        }
        return all;
    }

    /** The key a row's foreign key (or parent link) holds. */
    private static Object keyOf(FieldMeta fk, Object row) {
        return fk.isForeignKey() ? ((Ref<?>) fk.get(row)).id() : fk.get(row);
    }

    private static List<Object> manyToMany(Session session, ModelMeta meta, List<?> owners, String name, ModelMeta target,
                                           String through, String targetColumn, String sourceColumn, FetchMode mode,
                                           QueryTree custom) {
        Database db = session.database();
        Backend backend = db.backend();
        Map<Object, List<Object>> byOwner = new HashMap<>();
        Map<Object, Object> distinct = new LinkedHashMap<>();
        ColumnReader keyReader = backend.operations().reader(meta.pk().type().referenceType());
        UnaryOperator<Object> normalize = key -> key instanceof Number n && !(key instanceof Long) ? (Object) n.longValue() : key;
        for (List<Object> chunk : chunks(keys(meta, owners), backend)) {
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
            List<Object> loaded = db.query(sql, rs -> {
                List<Object> out = new ArrayList<>();
                while (rs.next()) {
                    Object row = rows.read(rs, context);
                    Object ownerKey = normalize.apply(keyReader.read(rs, ownerColumn));
                    Object pk = target.pkValue(row);
                    Object canonical = distinct.computeIfAbsent(pk, k -> row);
                    byOwner.computeIfAbsent(ownerKey, k -> new ArrayList<>()).add(canonical);
                    out.add(canonical);
                }
                return out;
            });
            context.setPeers(new ArrayList<>(distinct.values()));
            loaded.size();
        }
        for (Object o : owners) {
            ACCESS.prefetched(o, true).put(name, byOwner.getOrDefault(normalize.apply(meta.pkValue(o)), List.of()));
        }
        return new ArrayList<>(distinct.values());
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
        Map<Object, Object> byKey = new HashMap<>();
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
