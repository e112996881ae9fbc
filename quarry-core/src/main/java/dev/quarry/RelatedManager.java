package dev.quarry;

import dev.quarry.internal.ModelAccess;
import dev.quarry.load.Prefetcher;
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
public sealed class RelatedManager<T extends Model> implements DelegatingQueryable<T> permits ManyToMany, ReverseManager {
    // Only the owner (16 bytes with compressed references), as every loaded row carries one ManyToMany per
    // many-to-many field: the relation comes from relation(), which the two kinds of manager answer.
    private final Model owner;

    RelatedManager(Model owner) {
        this.owner = owner;
    }

    /** The instance whose related objects these are. */
    final Model owner() {
        return owner;
    }

    /** The relation: a {@link ReverseRelation} or a forward {@link ManyToManyMeta}; each kind of manager answers it. */
    Object relation() {
        throw new IllegalStateException("A RelatedManager is a ManyToMany or a reverse relation's manager");
    }

    /** The reverse relation, or {@code null} for a forward many-to-many field. */
    private ReverseRelation reverseRelation() {
        return relation() instanceof ReverseRelation r ? r : null;
    }

    /** The forward many-to-many field, or {@code null} for a reverse relation. */
    private ManyToManyMeta forward() {
        return relation() instanceof ManyToManyMeta m ? m : null;
    }

    /** The accessor name: the forward field's name or the reverse relation's accessor. */
    private String accessor() {
        Object relation = relation();
        return relation instanceof ManyToManyMeta m ? m.name() : ((ReverseRelation) relation).accessorName();
    }

    private boolean isManyToMany() {
        return forward() != null || reverseRelation().isManyToMany();
    }

    private ManyToManyMeta m2m() {
        return forward() != null ? forward() : reverseRelation().manyToMany();
    }

    /** The related model. */
    @SuppressWarnings("unchecked")
    Class<T> targetType() {
        return (Class<T>) (forward() != null ? forward().targetClass() : reverseRelation().source().type());
    }

    private Object ownerKey() {
        Object pk = owner.pk();
        if (pk == null) {
            throw new QueryError(String.format("%s needs a primary key before its relation '%s' can be used: save it first",
                    owner.getClass().getSimpleName(), accessor()));
        }
        return pk;
    }

    /** The related rows as a query, with no fetch-mode check (for writes and for refinement). */
    private QuerySet<T> query() {
        return new QuerySet<>(targetType(), plan(false));
    }

    /**
     * The plan of the related rows; {@code lazily}: its tree built only if it is ever needed (the QuerySet
     * of a prefetched relation, which answers from memory). The step cannot fail: the key is the saved
     * owner's and the relation comes from the models.
     */
    private Plan plan(boolean lazily) {
        Object key = ownerKey();
        Plan plan = Plan.of(targetType(), owner.quarry()).hint(owner);
        java.util.function.UnaryOperator<dev.quarry.query.QueryTree> step;
        if (!isManyToMany()) {
            String fk = reverseRelation().foreignKey().name();
            step = t -> t.filter(Q.of(fk, key).condition());
        } else {
            ManyToManyMeta m = m2m();
            step = forward() != null
                    ? t -> t.filterThrough(m.throughTable(), m.targetColumn(), m.sourceColumn(), key)
                    : t -> t.filterThrough(m.throughTable(), m.sourceColumn(), m.targetColumn(), key);
        }
        return lazily ? plan.thenLazily(step) : plan.then(step);
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
                throw new RelationNotLoaded(owner.getClass(), accessor(), String.format("%s.%s is not loaded and the fetch "
                        + "mode is RAISE: add prefetchRelated(\"%s\") to the QuerySet that loaded this %s",
                        name, accessor(), accessor(), name));
            }
            if (mode == FetchMode.PEERS && owner.loadContext() != null && owner.loadContext().peers().size() > 1) {
                Prefetcher.prefetch(owner.loadContext().session(), owner.loadContext().peers(), accessor(), mode, null, null);
                cached = cached();
            }
        }
        return cached == null ? query() : QuerySet.prefetched(targetType(), plan(true), (List<T>) (List<?>) cached);
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
        return p == null ? null : p.get(accessor());
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
                obj.createOn(q, db);
                rows().add(q.session(db).database(), key, List.of(obj.pk()), throughDefaults);
            });
        } else {
            noThroughDefaults(throughDefaults);
            ((Ref<?>) reverseRelation().foreignKey().get(obj)).assignId(ownerKey());
            obj.createOn(q, db);
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

    /**
     * Relates these objects to the owner: adds many-to-many rows (existing pairs are kept), or, for a
     * reverse foreign key, moves the saved objects with one UPDATE (an unsaved one is refused before any
     * SQL: save it first or use {@link #add(Collection, boolean)} with {@code bulk = false}).
     */
    @SafeVarargs
    public final void add(T... objects) {
        add(Arrays.asList(objects));
    }

    /** Relates these objects to the owner, as {@link #add(Model[])}, in one transaction. */
    public void add(Collection<? extends T> objects) {
        add(objects, Map.of());
    }

    /**
     * Relates these objects to a reverse foreign key's owner with Django's {@code bulk} rule: {@code true}
     * moves saved objects with one {@code UPDATE ... WHERE pk IN (...)} and refuses unsaved ones;
     * {@code false} saves each object in one transaction (inserting an unsaved one), one query each.
     * A many-to-many relation has no {@code bulk} and is refused.
     */
    public void add(Collection<? extends T> objects, boolean bulk) {
        Quarry q = owner.quarry();
        fkWrites("add").add(objects, ownerKey(), writeDb(q), bulk);
        forget();
    }

    /**
     * Relates these objects to the owner, in one transaction, each by a new row of the {@code through}
     * model holding {@code throughDefaults} (Django's {@code add(..., through_defaults=...)});
     * existing links are kept unchanged.
     */
    public void add(Collection<? extends T> objects, Map<String, ?> throughDefaults) {
        if (!isManyToMany()) {
            noThroughDefaults(throughDefaults);
            add(objects, true);
            return;
        }
        if (objects.isEmpty()) {
            return;
        }
        Quarry q = owner.quarry();
        Object key = ownerKey();
        String db = writeDb(q);
        List<Object> keys = keys(objects);
        for (T o : objects) {
            owner.checkRelation(o, accessor());
        }
        q.atomic(db).run(() -> rows().add(q.session(db).database(), key, keys, throughDefaults));
        forget();
    }

    /**
     * Unrelates these objects: deletes their many-to-many rows, or sets a nullable foreign key to NULL
     * with one UPDATE; an object related to another owner is refused with {@link DoesNotExist}.
     */
    @SafeVarargs
    public final void remove(T... objects) {
        remove(Arrays.asList(objects));
    }

    /** Unrelates these objects, as {@link #remove(Model[])}. */
    public void remove(Collection<? extends T> objects) {
        if (!isManyToMany()) {
            remove(objects, true);
            return;
        }
        if (objects.isEmpty()) {
            return;
        }
        Quarry q = owner.quarry();
        Object key = ownerKey();
        String db = writeDb(q);
        List<Object> keys = keys(objects);
        q.atomic(db).run(() -> rows().remove(q.session(db).database(), key, keys));
        forget();
    }

    /**
     * Unrelates these objects from a reverse foreign key's owner: {@code bulk = true} sets the key to NULL
     * with one UPDATE; {@code false} loads the rows (one query) and saves each (Django's rule). The objects
     * given have their key set to NULL in memory too. A many-to-many relation has no {@code bulk} and is refused.
     */
    public void remove(Collection<? extends T> objects, boolean bulk) {
        Quarry q = owner.quarry();
        fkWrites("remove").remove(objects, ownerKey(), writeDb(q), bulk);
        forget();
    }

    /** Unrelates every object: deletes the owner's many-to-many rows, or sets a nullable foreign key to NULL in one UPDATE. */
    public void clear() {
        if (!isManyToMany()) {
            fkWrites("clear").clear(writeDb(owner.quarry()), true);
            forget();
            return;
        }
        Quarry q = owner.quarry();
        rows().clear(q.session(writeDb(q)).database(), ownerKey());
        forget();
    }

    /**
     * Unrelates every object of a reverse foreign key's owner by loading the rows (one query) and saving each
     * (Django's {@code clear(bulk=False)}). A many-to-many relation has no {@code bulk} and is refused. (A name
     * of its own rather than a {@code clear(boolean)} overload, so that {@code manager::clear} stays one method.)
     */
    public void clearEach() {
        fkWrites("clear").clear(writeDb(owner.quarry()), false);
        forget();
    }

    /**
     * Makes exactly these objects related, in one transaction: reads the related rows, then removes the
     * others and adds the missing ones (a reverse foreign key that is not nullable only adds).
     */
    public void set(Collection<? extends T> objects) {
        set(objects, Map.of());
    }

    /** As {@link #set(Collection)} for a reverse foreign key, removing and adding with Django's {@code bulk} rule. */
    public void set(Collection<? extends T> objects, boolean bulk) {
        Quarry q = owner.quarry();
        fkWrites("set").set(objects, ownerKey(), writeDb(q), bulk);
        forget();
    }

    /** As {@link #set(Collection)}, the added links holding {@code throughDefaults} in the {@code through} model. */
    public void set(Collection<? extends T> objects, Map<String, ?> throughDefaults) {
        if (!isManyToMany()) {
            noThroughDefaults(throughDefaults);
            set(objects, true);
            return;
        }
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

    private ReverseForeignKeyWrites<T> fkWrites(String what) {
        if (isManyToMany()) {
            // Django's many-to-many add/remove/clear/set take no bulk argument.
            throw new QueryError(String.format("%s(..., bulk) on %s: bulk applies to the reverse side of a foreign key; "
                    + "a many-to-many relation always writes its link rows in bulk: call %s without bulk instead", what, this, what));
        }
        Plan plan = Plan.of(targetType(), owner.quarry()).hint(owner);
        return new ReverseForeignKeyWrites<>(owner, reverseRelation(), new QuerySet<>(targetType(), plan), query());
    }

    private ManyToManyRows rows() {
        return new ManyToManyRows(m2m(), forward() != null);
    }

    private void noThroughDefaults(Map<String, ?> throughDefaults) {
        if (!throughDefaults.isEmpty()) {
            throw new QueryError(String.format("throughDefaults %s given to %s, a reverse foreign key: it has no link rows; "
                    + "set the fields on the related object instead", throughDefaults.keySet(), this));
        }
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
                    + " through " + owner.getClass().getSimpleName() + "." + accessor() + ": save it first");
        }
        return pk;
    }

    private void forget() {
        Map<String, List<Object>> p = ModelAccess.get().prefetched(owner, false);
        if (p != null) {
            p.remove(accessor());
        }
    }

    /** {@code Owner.accessor}, for messages. */
    @Override
    public String toString() {
        return owner.getClass().getSimpleName() + "." + accessor();
    }
}
