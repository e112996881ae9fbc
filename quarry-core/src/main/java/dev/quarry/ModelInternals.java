package dev.quarry;

import dev.quarry.internal.ModelAccess;
import dev.quarry.load.LoadContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The internal packages' access to an instance's bookkeeping and to {@link Ref}s, installed by {@link Model}. */
final class ModelInternals extends ModelAccess {
    @Override
    public void setAnnotation(Object model, String name, Object value) {
        ModelState s = ((Model) model).state();
        if (s.annotations == null) {
            s.annotations = new LinkedHashMap<>();
        }
        s.annotations.put(name, value);
    }

    @Override
    public Map<String, List<Object>> prefetched(Object model, boolean create) {
        Model m = (Model) model;
        ModelState s = create ? m.state() : m.stateOrNull();
        if (s == null) {
            return null;
        }
        if (s.prefetched == null && create) {
            s.prefetched = new HashMap<>();
        }
        return s.prefetched;
    }

    @Override
    public void setLoaded(Object model, Object context) {
        ((Model) model).setLoaded((LoadContext) context);
    }

    @Override
    public Object context(Object model) {
        return ((Model) model).loadContext();
    }

    @Override
    public void setDeferred(Object model, java.util.Set<String> fieldNames) {
        Model m = (Model) model;
        if (fieldNames != null || m.stateOrNull() != null) {
            m.state().deferred = fieldNames;
        }
    }

    @Override
    public void setPersisted(Object model, boolean persisted) {
        ((Model) model).setPersisted(persisted);
    }

    @Override
    public void setRefId(Object ref, Object id) {
        ((Ref<?>) ref).assignId(id);
    }

    @Override
    public void setRefLong(Object ref, long id) {
        ((Ref<?>) ref).assignLong(id);
    }

    @Override
    public <V> V byRefKey(dev.quarry.internal.KeyMap<V> map, Object ref) {
        return ((Ref<?>) ref).lookUp(map);
    }

    @Override
    public void cacheRef(Object ref, Object value) {
        ((Ref<?>) ref).cache(value);
    }

    @Override
    public boolean refLoaded(Object ref) {
        return ((Ref<?>) ref).isLoaded();
    }
}
