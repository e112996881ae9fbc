package dev.quarry.internal;

import java.util.List;
import java.util.Map;

/**
 * The loader's door into model instances' private state (annotations, prefetched relations, the
 * result they were loaded with), kept off the public API. {@code dev.quarry.Model} installs the
 * implementation when it is initialised.
 */
public abstract class ModelAccess {
    private static volatile ModelAccess instance;

    /** The installed implementation. */
    public static ModelAccess get() {
        ModelAccess a = instance;
        if (a == null) {
            try {
                Class.forName("dev.quarry.Model", true, ModelAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = instance;
        }
        return a;
    }

    /** Called once by {@code Model}'s static initialiser. */
    public static void install(ModelAccess access) {
        instance = access;
    }

    /** Stores an annotation value on a loaded instance. */
    public abstract void setAnnotation(Object model, String name, Object value);

    /** The relations prefetched onto this instance, by accessor name; created when {@code create}. */
    public abstract Map<String, List<Object>> prefetched(Object model, boolean create);

    /** Marks an instance as loaded from the database (persisted) with the load context of its result. */
    public abstract void setLoaded(Object model, Object context);

    /** The load context an instance was loaded with, or {@code null}. */
    public abstract Object context(Object model);

    /** Records the fields a raw query left unloaded on an instance (Django's deferred fields). */
    public abstract void setDeferred(Object model, java.util.Set<String> fieldNames);

    /** Marks an instance as loaded from (or saved to) the database. */
    public abstract void setPersisted(Object model, boolean persisted);

    /** Sets a {@code Ref}'s key to a value already of the target key's type (loading, defaults, saving). */
    public abstract void setRefId(Object ref, Object id);

    /** Points {@code ref} (a {@code Ref}) at the target with this whole-number key, kept unboxed. */
    public abstract void setRefLong(Object ref, long id);

    /** The value {@code map} holds for the key of {@code ref} (a {@code Ref}), or {@code null}; a key held as a long is not boxed. */
    public abstract <V> V byRefKey(KeyMap<V> map, Object ref);

    /** Stores a loaded target in a {@code Ref} so {@code get()} runs no query. */
    public abstract void cacheRef(Object ref, Object value);

    /** Whether a {@code Ref}'s target is loaded (or known to be null). */
    public abstract boolean refLoaded(Object ref);
}
