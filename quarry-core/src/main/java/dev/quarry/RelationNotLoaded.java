package dev.quarry;

/**
 * Code touched a relation that was not loaded while the fetch mode is {@link FetchMode#RAISE}; the
 * message names the relation and the {@code selectRelated}/{@code prefetchRelated} that loads it.
 */
public class RelationNotLoaded extends QuarryException {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> model;
    /** The relation that was not loaded. */
    private final String relation;

    /** {@code relation} of a {@code model} instance is not loaded; {@code message} says the fix. */
    public RelationNotLoaded(Class<?> model, String relation, String message) {
        super(message);
        this.model = model;
        this.relation = relation;
    }

    /** The model of the instance whose relation was touched. */
    public Class<?> model() {
        return model;
    }

    /** The relation's name ({@code author}, {@code books}). */
    public String relation() {
        return relation;
    }
}
