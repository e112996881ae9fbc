package dev.quarry.accessors;

import dev.quarry.spi.ModelAccessor;
import java.util.List;

/**
 * As quarry-processor 0.2 wrote it (no {@code relationFields} or {@code newRelations}), covering only the
 * key and the title: the relation fields stay on the reflective path.
 */
public final class Binder__Accessor implements ModelAccessor {
    /** The accessor, for the core to create. */
    public Binder__Accessor() {
    }

    @Override
    public Class<?> modelClass() {
        return Binder.class;
    }

    @Override
    public List<String> fields() {
        return List.of("id", "title");
    }

    @Override
    public Object newInstance() {
        return new Binder();
    }

    @Override
    public Object get(Object instance, int field) {
        Binder m = (Binder) instance;
        return field == 0 ? m.id : m.title;
    }

    @Override
    public void set(Object instance, int field, Object value) {
        Binder m = (Binder) instance;
        if (field == 0) {
            m.id = (Long) value;
        } else {
            m.title = (String) value;
        }
    }
}
