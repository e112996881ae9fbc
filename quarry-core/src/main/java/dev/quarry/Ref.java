package dev.quarry;

import dev.quarry.load.LoadContext;
import dev.quarry.load.Prefetcher;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.ValueTypes;
import java.util.Objects;

/**
 * The value of a foreign key field: the target's key ({@link #id()}, never a query) and the
 * target itself ({@link #get()}, loaded once and cached, as the fetch mode allows). Like the
 * instance that holds it, a Ref is not meant to be shared between threads while it changes.
 *
 * @param <T> the target model
 */
public final class Ref<T extends Model> {
    /** The value of a Ref whose target is not loaded (distinct from a loaded {@code null}). */
    private static final Object NOT_LOADED = new Object();
    /** The {@code id} of a Ref whose key is the whole number in {@code longId} (a loaded {@code BIGINT} key, not boxed). */
    private static final Object LONG_ID = new Object();

    // Three references and a long (32 bytes with compressed references), as every loaded row carries one Ref per
    // foreign key: the field is found through the owner when needed, "not loaded" is a sentinel, and a loaded
    // whole-number key is kept unboxed (boxed when id() is asked for it, which the JIT removes when the caller unboxes).
    private final Model owner;
    private Object id;
    private Object value = NOT_LOADED;
    private long longId;

    Ref(Model owner) {
        this.owner = owner;
    }

    /** The owner's field that holds this Ref (found through the owner's model, so a Ref need not carry it). */
    private FieldMeta field() {
        FieldMeta f = holder(false);
        if (f == null) {
            throw new IllegalStateException("This Ref no longer belongs to a field of its " + owner.getClass().getSimpleName()
                    + ": a Ref belongs to the instance that created it; point at a target with ref.set(...) instead of "
                    + "assigning the Ref to another instance's field");
        }
        return f;
    }

    /** The owner's one-to-one field holding this Ref, or {@code null} for a plain foreign key. */
    private FieldMeta oneToOneField() {
        return holder(true);
    }

    private FieldMeta holder(boolean oneToOneOnly) {
        for (ModelMeta meta = ModelMeta.of(owner.getClass()).concrete(); meta != null; meta = meta.parent()) {
            for (FieldMeta fk : meta.foreignKeys()) {
                if ((!oneToOneOnly || fk.isOneToOne()) && fk.get(owner) == this) {
                    return fk;
                }
            }
        }
        return null;
    }

    private boolean loaded() {
        return value != NOT_LOADED;
    }

    @SuppressWarnings("unchecked")
    private T target() {
        Object v = value;
        return v == NOT_LOADED ? null : (T) v;
    }

    /** The target's primary key, or {@code null}; never runs a query. */
    public Object id() {
        Object i = key();
        T target = i == null ? target() : null;
        return target != null ? target.pk() : i;
    }

    /** The key as stored, boxed if it is held as a long; {@code null} for none. */
    private Object key() {
        Object i = id;
        return i == LONG_ID ? Long.valueOf(longId) : i;
    }

    /**
     * The target's primary key as {@code type} ({@code Long.class} for the automatic key), or
     * {@code null}; a type that cannot hold the key is refused naming the field.
     */
    public <K> K id(Class<K> type) {
        return ValueTypes.convert(id(), type, field().toString());
    }

    /**
     * Points at the target with this key (converted to the target's key type: {@code "3"} or
     * {@code 3} for a {@code Long} key), forgetting any loaded target; a value that is no key of
     * the target is refused with {@link InvalidValueError}.
     */
    public void setId(Object targetId) {
        assignId(dev.quarry.model.FieldValues.forKey(field(), targetId));
    }

    /** Points at the target with this key, already of the key's type (Quarry's own callers). */
    void assignId(Object targetId) {
        T target = target();
        if (!Objects.equals(key(), targetId) || (target != null && !Objects.equals(target.pk(), targetId))) {
            this.value = NOT_LOADED;
        }
        this.id = targetId;
    }

    /** The value {@code map} holds for this Ref's key, or {@code null} (also for no key). */
    <V> V lookUp(dev.quarry.internal.KeyMap<V> map) {
        return id == LONG_ID ? map.get(longId) : map.get(id());
    }

    /** Points at the target with this whole-number key (a {@code Long} key read from a row), kept unboxed. */
    void assignLong(long targetId) {
        if (value != NOT_LOADED) {
            assignId(targetId);
        }
        this.id = LONG_ID;
        this.longId = targetId;
    }

    /**
     * Points at {@code target} (which may be unsaved until the owner is saved), or at nothing with
     * {@code null}. A target from another database than the owner's is refused unless the Quarry's
     * routers allow the relation; an owner that belongs to no database yet joins the target's.
     */
    public void set(T target) {
        FieldMeta field = field();
        if (target != null) {
            owner.checkRelation(target, field.name());
        }
        if (field.isOneToOne()) {
            // Django: assigning a one-to-one also sets the target's reverse side (and clears the old target's).
            ReverseOneToOne.assigned(owner, field, target(), target);
        }
        this.value = target;
        this.id = target == null ? null : target.pk();
    }

    /** Whether the target is loaded (or known to be null), so {@link #get()} runs no query. */
    public boolean isLoaded() {
        return loaded() || id == null;
    }

    /**
     * The target, loading it on first access: one query ({@code LAZY}), one query for every
     * object loaded with the owner ({@code PEERS}), or {@link RelationNotLoaded} ({@code RAISE}).
     */
    @SuppressWarnings("unchecked")
    public T get() {
        if (value == null && id != null) {
            // A prefetch or a join found no row for the key: a dangling reference (Django: "Loan has no novel.").
            throw Dangling.of(field(), null);
        }
        if (loaded() || id == null) {
            return target();
        }
        FieldMeta field = field();
        FetchMode mode = owner.fetchMode();
        LoadContext context = owner.loadContext();
        if (mode == FetchMode.RAISE) {
            String model = field.model().name();
            throw new RelationNotLoaded(field.model().type(), field.name(), String.format("%s.%s is not loaded and the "
                    + "fetch mode is RAISE: add selectRelated(\"%s\") or prefetchRelated(\"%s\") to the QuerySet that "
                    + "loaded this %s", model, field.name(), field.queryName(), field.name(), model));
        }
        if (mode == FetchMode.PEERS && context != null && context.peers().size() > 1) {
            Prefetcher.prefetch(context.session(), context.peers(), field.name(), mode, null, null);
            if (value == null) {
                throw Dangling.of(field, null);
            }
            if (loaded()) {
                return target();
            }
        }
        Class<T> target = (Class<T>) field.relation().targetClass();
        T found;
        try {
            found = new QuerySet<>(target, Plan.of(target, owner.quarry()).hint(owner)).get("pk", key());
        } catch (DoesNotExist e) {
            throw Dangling.of(field, e);
        }
        cache(found);
        return found;
    }

    void cache(Object target) {
        this.value = target;
        FieldMeta oneToOne = target == null ? null : oneToOneField();
        if (oneToOne != null) {
            ReverseOneToOne.assigned(owner, oneToOne, null, (Model) target);
        }
    }

    /** The field and the key, for debugging; runs nothing. */
    @Override
    public String toString() {
        return "Ref(" + field() + " -> " + key() + (loaded() ? ", loaded" : "") + ")";
    }
}
