package dev.quarry;

import dev.quarry.load.LoadContext;
import dev.quarry.load.Prefetcher;
import dev.quarry.model.FieldMeta;
import java.util.Objects;

/**
 * The value of a foreign key field: the target's key ({@link #id()}, never a query) and the
 * target itself ({@link #get()}, loaded once and cached, as the fetch mode allows).
 */
public final class Ref<T extends Model> {
    private final Model owner;
    private final FieldMeta field;
    private Object id;
    private T value;
    private boolean loaded;

    Ref(Model owner, FieldMeta field) {
        this.owner = owner;
        this.field = field;
    }

    /** The target's primary key, or {@code null}; never runs a query. */
    public Object id() {
        if (id == null && loaded && value != null) {
            return value.pk();
        }
        return id;
    }

    /** Points at the target with this key, forgetting any loaded target. */
    public void setId(Object targetId) {
        if (!Objects.equals(this.id, targetId) || (loaded && value != null && !Objects.equals(value.pk(), targetId))) {
            this.loaded = false;
            this.value = null;
        }
        this.id = targetId;
    }

    /** Points at {@code target} (which may be unsaved until the owner is saved), or at nothing with {@code null}. */
    public void set(T target) {
        this.value = target;
        this.id = target == null ? null : target.pk();
        this.loaded = true;
    }

    /** Whether the target is loaded (or known to be null), so {@link #get()} runs no query. */
    public boolean isLoaded() {
        return loaded || id == null;
    }

    /**
     * The target, loading it on first access: one query ({@code LAZY}), one query for every
     * object loaded with the owner ({@code PEERS}), or an exception ({@code RAISE}).
     */
    @SuppressWarnings("unchecked")
    public T get() {
        if (loaded || id == null) {
            return value;
        }
        FetchMode mode = owner.fetchMode();
        LoadContext context = owner.loadContext();
        if (mode == FetchMode.RAISE) {
            throw new QuarryException(String.format("%s.%s is not loaded and the fetch mode is RAISE: add "
                    + "selectRelated(\"%s\") or prefetchRelated(\"%s\") to the QuerySet that loaded this %s",
                    field.model().name(), field.name(), field.queryName(), field.name(), field.model().name()));
        }
        if (mode == FetchMode.PEERS && context != null && context.peers().size() > 1) {
            Prefetcher.prefetch(Quarry.current().database(), context.peers(), field.name(), mode, null);
            if (loaded) {
                return value;
            }
        }
        T target = (T) Manager.of((Class<? extends Model>) field.relation().targetClass()).get("pk", id);
        cache(target);
        return target;
    }

    void cache(Object target) {
        @SuppressWarnings("unchecked")
        T t = (T) target;
        this.value = t;
        this.loaded = true;
    }

    @Override
    public String toString() {
        return "Ref(" + field + " -> " + id + (loaded ? ", loaded" : "") + ")";
    }
}
