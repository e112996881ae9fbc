package dev.quarry;

import dev.quarry.db.Database;
import dev.quarry.internal.ModelAccess;
import dev.quarry.load.Prefetcher;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.ReverseRelation;
import dev.quarry.query.QueryTree;
import dev.quarry.sql.CompiledSql;
import dev.quarry.sql.DeleteCompiler;
import dev.quarry.sql.InsertCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects on the far side of a to-many relation of one instance: Author's {@code books},
 * Book's {@code review_set}, Book's {@code tags}, Tag's {@code books}. Reads run in SQL unless the
 * relation was prefetched; writes change foreign keys or many-to-many rows.
 */
public sealed class RelatedManager<T extends Model> permits ManyToMany {
    private final Model owner;
    private final String accessor;
    private final ReverseRelation reverse;
    private final ManyToManyMeta forward;

    RelatedManager(Model owner, ReverseRelation reverse) {
        this.owner = owner;
        this.accessor = reverse.accessorName();
        this.reverse = reverse;
        this.forward = null;
    }

    RelatedManager(Model owner, ManyToManyMeta forward) {
        this.owner = owner;
        this.accessor = forward.name();
        this.reverse = null;
        this.forward = forward;
    }

    private boolean isManyToMany() {
        return forward != null || reverse.isManyToMany();
    }

    private ManyToManyMeta m2m() {
        return forward != null ? forward : reverse.manyToMany();
    }

    @SuppressWarnings("unchecked")
    private Class<T> targetType() {
        return (Class<T>) (forward != null ? forward.targetClass() : reverse.source().type());
    }

    private Object ownerKey() {
        Object pk = owner.pk();
        if (pk == null) {
            throw new IllegalStateException(String.format("%s needs a primary key before its relation '%s' can be used: save it first",
                    owner.getClass().getSimpleName(), accessor));
        }
        return pk;
    }

    private QueryTree tree() {
        ModelMeta target = ModelMeta.of(targetType());
        QueryTree t = QueryTree.of(target);
        if (!isManyToMany()) {
            return t.filter(Q.of(reverse.foreignKey().name(), ownerKey()));
        }
        ManyToManyMeta m = m2m();
        return forward != null
                ? t.filterThrough(m.throughTable(), m.targetColumn(), m.sourceColumn(), ownerKey())
                : t.filterThrough(m.throughTable(), m.sourceColumn(), m.targetColumn(), ownerKey());
    }

    /**
     * Every related object. Prefetched relations answer from memory; otherwise the fetch mode of
     * the owner decides: LAZY queries, PEERS loads the relation for every peer at once, RAISE throws.
     */
    @SuppressWarnings("unchecked")
    public QuerySet<T> all() {
        List<Object> cached = cached();
        if (cached == null) {
            FetchMode mode = owner.fetchMode();
            if (mode == FetchMode.RAISE) {
                throw new QuarryException(String.format("%s.%s is not loaded and the fetch mode is RAISE: add "
                        + "prefetchRelated(\"%s\") to the QuerySet that loaded this %s", owner.getClass().getSimpleName(),
                        accessor, accessor, owner.getClass().getSimpleName()));
            }
            if (mode == FetchMode.PEERS && owner.loadContext() != null && owner.loadContext().peers().size() > 1) {
                Prefetcher.prefetch(db(), owner.loadContext().peers(), accessor, mode, null);
                cached = cached();
            }
        }
        if (cached != null) {
            // Answered from memory; the tree is built only if the caller refines the QuerySet.
            return QuerySet.evaluated(targetType(), this::tree, (List<T>) (List<?>) cached);
        }
        return new QuerySet<>(targetType(), tree());
    }

    private List<Object> cached() {
        Map<String, List<Object>> p = ModelAccess.get().prefetched(owner, false);
        return p == null ? null : p.get(accessor);
    }

    /** The related objects matching a lookup; always a query. This manager is not modified. */
    public QuerySet<T> filter(String lookup, Object value) {
        return new QuerySet<>(targetType(), tree()).filter(lookup, value);
    }

    /** The related objects matching {@code q}; always a query. */
    public QuerySet<T> filter(Q q) {
        return new QuerySet<>(targetType(), tree()).filter(q);
    }

    /** The related objects not matching a lookup. */
    public QuerySet<T> exclude(String lookup, Object value) {
        return new QuerySet<>(targetType(), tree()).exclude(lookup, value);
    }

    /** How many related objects there are (from memory when prefetched). */
    public long count() {
        List<Object> cached = cached();
        return cached != null ? cached.size() : new QuerySet<>(targetType(), tree()).count();
    }

    /** Creates a related object from lookup/value pairs, already related to the owner. */
    public T create(Object... fieldValues) {
        T obj = Manager.of(targetType()).build(fieldValues);
        if (isManyToMany()) {
            Quarry.current().useTransaction(() -> {
                obj.save();
                addKeys(List.of(obj.pk()));
            });
        } else {
            FieldMeta fk = reverse.foreignKey();
            ((Ref<?>) fk.get(obj)).setId(ownerKey());
            obj.save();
        }
        forget();
        return obj;
    }

    /** Relates these objects to the owner: sets their foreign key and saves them, or adds many-to-many rows (existing pairs are kept). */
    @SafeVarargs
    public final void add(T... objects) {
        add(Arrays.asList(objects));
    }

    /** Relates these objects to the owner. */
    public void add(Collection<? extends T> objects) {
        if (objects.isEmpty()) {
            return;
        }
        if (isManyToMany()) {
            List<Object> keys = keys(objects);
            Quarry.current().useTransaction(() -> addKeys(keys));
        } else {
            FieldMeta fk = reverse.foreignKey();
            Object key = ownerKey();
            Quarry.current().useTransaction(() -> {
                for (T o : objects) {
                    ((Ref<?>) fk.get(o)).setId(key);
                    o.save();
                }
            });
        }
        forget();
    }

    /** Unrelates these objects: deletes their many-to-many rows, or sets a nullable foreign key to NULL. */
    @SafeVarargs
    public final void remove(T... objects) {
        remove(Arrays.asList(objects));
    }

    /** Unrelates these objects. */
    public void remove(Collection<? extends T> objects) {
        if (objects.isEmpty()) {
            return;
        }
        if (isManyToMany()) {
            List<Object> keys = keys(objects);
            ManyToManyMeta m = m2m();
            db().update(new DeleteCompiler(db().backend().operations()).deletePairs(m.throughTable(), ownerColumn(m),
                    ownerKey(), otherColumn(m), keys));
        } else {
            FieldMeta fk = nullableKey("remove");
            Object key = ownerKey();
            Quarry.current().useTransaction(() -> {
                for (T o : objects) {
                    Ref<?> ref = (Ref<?>) fk.get(o);
                    if (!key.equals(ref.id())) {
                        throw new IllegalArgumentException(o + " is not related to " + owner);
                    }
                    ref.setId(null);
                    o.save();
                }
            });
        }
        forget();
    }

    /** Unrelates every object: deletes the owner's many-to-many rows, or sets a nullable foreign key to NULL. */
    public void clear() {
        if (isManyToMany()) {
            ManyToManyMeta m = m2m();
            db().update(new DeleteCompiler(db().backend().operations()).deletePairs(m.throughTable(), ownerColumn(m),
                    ownerKey(), otherColumn(m), null));
        } else {
            FieldMeta fk = nullableKey("clear");
            new QuerySet<>(targetType(), tree()).update(fk.name(), null);
        }
        forget();
    }

    /** Makes exactly these objects related: removes the others, adds the missing ones, in one transaction. */
    public void set(Collection<? extends T> objects) {
        Quarry.current().useTransaction(() -> {
            Set<Object> wanted = new HashSet<>();
            for (T o : objects) {
                wanted.add(requireKey(o));
            }
            List<T> current = new QuerySet<>(targetType(), tree()).list();
            List<T> stale = current.stream().filter(c -> !wanted.contains(c.pk())).toList();
            forget();
            remove(stale);
            add(objects);
        });
    }

    private FieldMeta nullableKey(String what) {
        FieldMeta fk = reverse.foreignKey();
        if (!fk.nullable()) {
            throw new UnsupportedOperationException(String.format("%s() on %s.%s needs a nullable foreign key; %s is not "
                    + "nullable (delete the objects instead)", what, owner.getClass().getSimpleName(), accessor, fk));
        }
        return fk;
    }

    private void addKeys(List<Object> keys) {
        ManyToManyMeta m = m2m();
        Database db = db();
        Object ownerKey = ownerKey();
        String ownerColumn = ownerColumn(m);
        String otherColumn = otherColumn(m);
        Set<Object> existing = new HashSet<>(db.query(new DeleteCompiler(db.backend().operations()).selectPairs(
                m.throughTable(), ownerColumn, ownerKey, otherColumn, keys), rs -> {
                    List<Object> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getObject(1));
                    }
                    return out;
                }));
        List<List<Object>> rows = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Object k : keys) {
            if (!containsKey(existing, k) && seen.add(k)) {
                rows.add(List.of(ownerKey, k));
            }
        }
        if (!rows.isEmpty()) {
            CompiledSql insert = new InsertCompiler(db.backend().operations()).insert(m.throughTable(),
                    List.of(ownerColumn, otherColumn), rows, null);
            db.update(insert);
        }
    }

    private static boolean containsKey(Set<Object> existing, Object key) {
        if (existing.contains(key)) {
            return true;
        }
        for (Object e : existing) {
            if (e instanceof Number a && key instanceof Number b && a.longValue() == b.longValue()) {
                return true;
            }
            if (e != null && key != null && e.toString().equals(key.toString())) {
                return true;
            }
        }
        return false;
    }

    private String ownerColumn(ManyToManyMeta m) {
        return forward != null ? m.sourceColumn() : m.targetColumn();
    }

    private String otherColumn(ManyToManyMeta m) {
        return forward != null ? m.targetColumn() : m.sourceColumn();
    }

    private List<Object> keys(Collection<? extends T> objects) {
        List<Object> keys = new ArrayList<>(objects.size());
        for (T o : objects) {
            keys.add(requireKey(o));
        }
        return keys;
    }

    private Object requireKey(T o) {
        Object pk = o.pk();
        if (pk == null) {
            throw new IllegalArgumentException("Cannot relate an unsaved " + o.getClass().getSimpleName()
                    + " through " + owner.getClass().getSimpleName() + "." + accessor + ": save it first");
        }
        return pk;
    }

    private void forget() {
        Map<String, List<Object>> p = ModelAccess.get().prefetched(owner, false);
        if (p != null) {
            p.remove(accessor);
        }
    }

    private static Database db() {
        return Quarry.current().database();
    }

    @Override
    public String toString() {
        return owner.getClass().getSimpleName() + "." + accessor;
    }
}
