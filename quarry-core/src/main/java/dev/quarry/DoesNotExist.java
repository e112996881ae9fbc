package dev.quarry;

/** {@code get()} found no row; names the model and the lookup (with placeholders, never values). */
public class DoesNotExist extends QuarryException {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> model;
    /** The lookup that matched no row, with placeholders for its values. */
    private final String lookup;

    /** No {@code model} row matches {@code lookup}, a description such as {@code filter(name=?)}. */
    public DoesNotExist(Class<?> model, String lookup) {
        super(model.getSimpleName() + " matching query does not exist. Lookup: " + lookup);
        this.model = model;
        this.lookup = lookup;
    }

    /**
     * No {@code model} row matches {@code lookup}, explained by {@code message} (the reverse side of a
     * one-to-one names both models: Django's {@code RelatedObjectDoesNotExist}).
     */
    public DoesNotExist(Class<?> model, String lookup, String message) {
        super(message);
        this.model = model;
        this.lookup = lookup;
    }

    /** The model that was queried. */
    public Class<?> model() {
        return model;
    }

    /** The conditions of the query, with {@code ?} for each value. */
    public String lookup() {
        return lookup;
    }
}
