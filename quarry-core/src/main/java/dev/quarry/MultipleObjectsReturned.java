package dev.quarry;

/** {@code get()} found more than one row; names the model, the lookup (without values) and how many. */
public class MultipleObjectsReturned extends QuarryException {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> model;
    /** The lookup that matched more than one row, with placeholders for its values. */
    private final String lookup;

    /** {@code found} rows ("2", "more than 20") of {@code model} match {@code lookup}. */
    public MultipleObjectsReturned(Class<?> model, String lookup, String found) {
        super("get() returned more than one " + model.getSimpleName() + " -- it returned " + found
                + "! Lookup: " + lookup);
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
