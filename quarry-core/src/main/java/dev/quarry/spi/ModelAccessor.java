package dev.quarry.spi;

import java.util.List;

/**
 * Reads and writes the fields of one model class and creates its instances without reflection or
 * method handles: {@code quarry-processor} generates one per model ({@code Book__Accessor}, in the
 * model's package, with a public no-argument constructor), and the core uses it when it is there.
 * A model without one, or a field it does not list, goes through reflection as before, with the
 * same results. Fields are addressed by their index in {@link #fields()}.
 */
public interface ModelAccessor {
    /** The model class whose fields this accessor reads and writes. */
    Class<?> modelClass();

    /** The Java names of the fields it covers ({@code id}, {@code title}, {@code author}), in index order. */
    List<String> fields();

    /** A new instance, as the model's public no-argument constructor makes it. */
    Object newInstance();

    /** The value of field {@code field} of {@code instance} (a primitive boxed; a relation's holder). */
    Object get(Object instance, int field);

    /** Sets field {@code field} of {@code instance} ({@code null} for a primitive field throws, as reflection does). */
    void set(Object instance, int field, Object value);
}
