package dev.quarry.accessors;

import dev.quarry.ManyToMany;
import dev.quarry.Ref;
import dev.quarry.spi.ModelAccessor;
import dev.quarry.spi.RelationHolders;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** As quarry-processor writes it, and counting the instances whose holders it filled. */
public final class Volume__Accessor implements ModelAccessor {
    static final AtomicInteger FILLED = new AtomicInteger();

    /** The accessor, for the core to create. */
    public Volume__Accessor() {
    }

    @Override
    public Class<?> modelClass() {
        return Volume.class;
    }

    @Override
    public List<String> fields() {
        return List.of("id", "title", "shelf", "lists");
    }

    @Override
    public Object newInstance() {
        return new Volume();
    }

    @Override
    public Object get(Object instance, int field) {
        Volume m = (Volume) instance;
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
        Volume m = (Volume) instance;
        switch (field) {
            case 0 -> m.id = (Long) value;
            case 1 -> m.title = (String) value;
            case 2 -> m.shelf = (Ref<Shelf>) value;
            case 3 -> m.lists = (ManyToMany<Shelf>) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }

    @Override
    public List<String> relationFields() {
        return List.of("shelf", "lists");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void newRelations(Object instance, RelationHolders holders) {
        Volume m = (Volume) instance;
        if (m.shelf == null) {
            m.shelf = (Ref<Shelf>) holders.ref(m);
        }
        m.lists = (ManyToMany<Shelf>) holders.manyToMany(m);
        FILLED.incrementAndGet();
    }
}
