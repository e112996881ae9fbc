package dev.quarry;

import dev.quarry.internal.ModelAccess;
import dev.quarry.load.Prefetcher;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ReverseRelation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The objects on the far side of a to-many relation of one instance: Author's {@code books},
 * Book's {@code review_set}, Book's {@code tags}, Tag's {@code books}. Every query method of
 * {@link ModelQueryable} starts from {@link #all()}: a prefetched relation answers from memory;
 * otherwise the owner's fetch mode decides (LAZY queries, PEERS loads the relation for every
 * instance of the owner's result, RAISE throws {@link RelationNotLoaded}). Writes change foreign
 * keys or many-to-many rows and are allowed in every mode.
 *
 * @param <T> the related model
 */
public sealed class RelatedManager<T extends Model> implements DelegatingQueryable<T> permits ManyToMany {
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

    /** The related model. */
    @SuppressWarnings("unchecked")
    Class<T> targetType() {
        return (Class<T>) (forward != null ? forward.targetClass() : reverse.source().type());
    }

    private Object ownerKey() {
        Object pk = owner.pk();
        if (pk == null) {
            throw new QueryError(String.format("%s needs a primary key before its relation '%s' can be used: save it first",
                    owner.getClass().getSimpleName(), accessor));
        }
        return pk;
    }

    /** The related rows as a query, with no fetch-mode check (for writes and for refinement). */
    private QuerySet<T> query() {
        Object key = ownerKey();
        Plan plan = Plan.of(targetType(), owner.quarry()).hint(owner);
        if (!isManyToMany()) {
            String fk = reverse.foreignKey().name();
            return new QuerySet<>(targetType(), plan.then(t -> t.filter(Q.of(fk, key).condition())));
        }
        ManyToManyMeta m = m2m();
        Plan through = forward != null
                ? plan.then(t -> t.filterThrough(m.throughTable(), m.targetColumn(), m.sourceColumn(), key))
                : plan.then(t -> t.filterThrough(m.throughTable(), m.sourceColumn(), m.targetColumn(), key));
        return new QuerySet<>(targetType(), through);
    }

    /**
     * Every related object. A prefetched relation answers from memory (until refined); otherwise
     * the owner's fetch mode decides: LAZY queries, PEERS loads the relation for every instance
     * loaded with the owner at once, RAISE throws {@link RelationNotLoaded} naming the fix.
     */
    @Override
    @SuppressWarnings("unchecked")
    public QuerySet<T> all() {
        List<Object> cached = cached();
        if (cached == null) {
            FetchMode mode = owner.fetchMode();
            if (mode == FetchMode.RAISE) {
                String name = owner.getClass().getSimpleName();
                throw new RelationNotLoaded(owner.getClass(), accessor, String.format("%s.%s is not loaded and the fetch "
                        + "mode is RAISE: add prefetchRelated(\"%s\") to the QuerySet that loaded this %s",
                        name, accessor, accessor, name));
            }
            if (mode == FetchMode.PEERS && owner.loadContext() != null && owner.loadContext().peers().size() > 1) {
                Prefetcher.prefetch(owner.loadContext().session(), owner.loadContext().peers(), accessor, mode, null, null);
                cached = cached();
            }
        }
        QuerySet<T> q = query();
        return cached == null ? q : QuerySet.prefetched(targetType(), q.plan(), (List<T>) (List<?>) cached);
    }

    /** Sets a field on every related row in one UPDATE: a write, allowed in every fetch mode. */
    @Override
    public int update(String field, Object value) {
        return query().update(field, value);
    }

    /** Sets these fields on every related row in one UPDATE: a write, allowed in every fetch mode. */
    @Override
    public int update(Map<String, ?> fieldValues) {
        return query().update(fieldValues);
    }

    /** The SELECT of the related rows, built without running it (allowed in every fetch mode). */
    @Override
    public Sql sql() {
        return query().sql();
    }

    private List<Object> cached() {
        Map<String, List<Object>> p = ModelAccess.get().prefetched(owner, false);
        return p == null ? null : p.get(accessor);
    }

    /** Creates a related object set up by {@code init}, already related to the owner. */
    public T create(Consumer<? super T> init) {
        Quarry q = owner.quarry();
        @SuppressWarnings("unchecked")
        T obj = (T) q.registry().meta(targetType()).newInstance();
        init.accept(obj);
        return attach(q, obj, Map.of());
    }

    /** Creates a related object from field names and values, already related to the owner. */
    public T create(Map<String, ?> fieldValues) {
        return create(fieldValues, Map.of());
    }

    /**
     * Creates a related object from field names and values, related to the owner by a new row of
     * the {@code through} model holding {@code throughDefaults} (Django's {@code through_defaults}).
     */
    public T create(Map<String, ?> fieldValues, Map<String, ?> throughDefaults) {
        Quarry q = owner.quarry();
        return attach(q, Manager.of(targetType()).build(q, fieldValues), throughDefaults);
    }

    /** The database the relation's writes go to: the routers' choice for the related model, reached from the owner. */
    private String writeDb(Quarry q) {
        return q.route(true, targetType(), owner);
    }

    private T attach(Quarry q, T obj, Map<String, ?> throughDefaults) {
        String db = writeDb(q);
        if (isManyToMany()) {
            Object key = ownerKey();
            q.atomic(db).run(() -> {
                obj.saveOn(q, db);
                rows().add(q.session(db).database(), key, List.of(obj.pk()), throughDefaults);
            });
        } else {
            noThroughDefaults(throughDefaults);
            ((Ref<?>) reverse.foreignKey().get(obj)).assignId(ownerKey());
            obj.saveOn(q, db);
        }
        forget();
        return obj;
    }

    /** The related object matching {@code lookup}, or a new one created already related to the owner. */
    @Override
    public Created<T> getOrCreate(Map<String, ?> lookup) {
        return getOrCreate(lookup, o -> { });
    }

    /** The related object matching {@code lookup}, or a new one with {@code defaults}, created already related to the owner. */
    @Override
    public Created<T> getOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults) {
        return GetOrCreate.getOrCreate(all(), lookup, defaults, this::create);
    }

    /** The related object matching {@code lookup}, or a new one with these values, created already related to the owner. */
    @Override
    public Created<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
        QuerySet<T> all = all();
        return GetOrCreate.getOrCreate(all, lookup, GetOrCreate.fromMap(all, defaults), this::create);
    }

    /** The related object matching {@code lookup}, locked, updated and saved, or a new one created already related to the owner. */
    @Override
    public Created<T> updateOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults) {
        return GetOrCreate.updateOrCreate(all(), lookup, defaults, this::create);
    }

    /** As {@link #updateOrCreate(Map, Consumer)}, with the new values as field names and values. */
    @Override
    public Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
        QuerySet<T> all = all();
        return GetOrCreate.updateOrCreate(all, lookup, GetOrCreate.fromMap(all, defaults), this::create);
    }

    /** Relates these objects to the owner: sets their foreign key and saves them, or adds many-to-many rows (existing pairs are kept). */
    @SafeVarargs
    public final void add(T... objects) {
        add(Arrays.asList(objects));
    }

    /** Relates these objects to the owner, in one transaction. */
    public void add(Collection<? extends T> objects) {
        add(objects, Map.of());
    }

    /**
     * Relates these objects to the owner, in one transaction, each by a new row of the {@code through}
     * model holding {@code throughDefaults} (Django's {@code add(..., through_defaults=...)});
     * existing links are kept unchanged.
     */
    public void add(Collection<? extends T> objects, Map<String, ?> throughDefaults) {
        if (objects.isEmpty()) {
            return;
        }
        Quarry q = owner.quarry();
        Object key = ownerKey();
        String db = writeDb(q);
        if (isManyToMany()) {
            List<Object> keys = keys(objects);
            for (T o : objects) {
                owner.checkRelation(o, accessor);
            }
            q.atomic(db).run(() -> rows().add(q.session(db).database(), key, keys, throughDefaults));
        } else {
            noThroughDefaults(throughDefaults);
            FieldMeta fk = reverse.foreignKey();
            for (T o : objects) {
                o.checkRelation(owner, fk.name());
            }
            q.atomic(db).run(() -> {
                for (T o : objects) {
                    ((Ref<?>) fk.get(o)).assignId(key);
                    o.saveOn(q, db);
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

    /** Unrelates these objects, in one transaction. */
    public void remove(Collection<? extends T> objects) {
        if (objects.isEmpty()) {
            return;
        }
        Quarry q = owner.quarry();
        Object key = ownerKey();
        String db = writeDb(q);
        if (isManyToMany()) {
            List<Object> keys = keys(objects);
            q.atomic(db).run(() -> rows().remove(q.session(db).database(), key, keys));
        } else {
            FieldMeta fk = nullableKey("remove");
            q.atomic(db).run(() -> {
                for (T o : objects) {
                    Ref<?> ref = (Ref<?>) fk.get(o);
                    if (!key.equals(ref.id())) {
                        throw new QueryError(o + " is not related to " + owner + " through " + this);
                    }
                    ref.assignId(null);
                    o.saveOn(q, db);
                }
            });
        }
        forget();
    }

    /** Unrelates every object: deletes the owner's many-to-many rows, or sets a nullable foreign key to NULL. */
    public void clear() {
        Quarry q = owner.quarry();
        if (isManyToMany()) {
            String db = writeDb(q);
            Object key = ownerKey();
            rows().clear(q.session(db).database(), key);
        } else {
            query().update(nullableKey("clear").name(), null);
        }
        forget();
    }

    /** Makes exactly these objects related: removes the others, adds the missing ones, in one transaction. */
    public void set(Collection<? extends T> objects) {
        set(objects, Map.of());
    }

    /** As {@link #set(Collection)}, the added links holding {@code throughDefaults} in the {@code through} model. */
    public void set(Collection<? extends T> objects, Map<String, ?> throughDefaults) {
        Quarry q = owner.quarry();
        String db = writeDb(q);
        q.atomic(db).run(() -> {
            Set<Object> wanted = new HashSet<>();
            for (T o : objects) {
                wanted.add(requireKey(o));
            }
            List<T> stale = new ArrayList<>();
            for (T c : query().using(db).list()) {
                if (!wanted.contains(c.pk())) {
                    stale.add(c);
                }
            }
            forget();
            remove(stale);
            add(objects, throughDefaults);
        });
    }

    private ManyToManyRows rows() {
        return new ManyToManyRows(m2m(), forward != null);
    }

    private void noThroughDefaults(Map<String, ?> throughDefaults) {
        if (!throughDefaults.isEmpty()) {
            throw new QueryError(String.format("throughDefaults %s given to %s, a reverse foreign key: it has no link rows; "
                    + "set the fields on the related object instead", throughDefaults.keySet(), this));
        }
    }

    private FieldMeta nullableKey(String what) {
        FieldMeta fk = reverse.foreignKey();
        if (!fk.nullable()) {
            throw new QueryError(String.format("%s() on %s.%s needs a nullable foreign key; %s is not "
                    + "nullable (delete the objects instead, or declare it nullable = true)", what,
                    owner.getClass().getSimpleName(), accessor, fk));
        }
        return fk;
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
            throw new QueryError("Cannot relate an unsaved " + o.getClass().getSimpleName()
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

    /** {@code Owner.accessor}, for messages. */
    @Override
    public String toString() {
        return owner.getClass().getSimpleName() + "." + accessor;
    }
}
