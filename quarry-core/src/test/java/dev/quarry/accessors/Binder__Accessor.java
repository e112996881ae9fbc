package dev.quarry.accessors;

import dev.quarry.ManyToMany;
import dev.quarry.Ref;
import dev.quarry.spi.ModelAccessor;
import java.util.List;

/** As quarry-processor 0.2 wrote it: no {@code relationFields} or {@code newRelations}. */
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
        return List.of("id", "title", "shelf", "lists");
    }

    @Override
    public Object newInstance() {
        return new Binder();
    }

    @Override
    public Object get(Object instance, int field) {
        Binder m = (Binder) instance;
        return switch (field) {
            case 0 -> m.id;
            case 1 -> m.title;
            case 2 -> m.shelf;
            case 3 -> m.lists;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void set(Object instance, int field, Object value) {
        Binder m = (Binder) instance;
        switch (field) {
            case 0 -> m.id = (Long) value;
            case 1 -> m.title = (String) value;
            case 2 -> m.shelf = (Ref<Shelf>) value;
            case 3 -> m.lists = (ManyToMany<Shelf>) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }
}
