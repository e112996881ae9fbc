package dev.quarry.query.lookup;

/** {@code lt}: less than. */
final class Lt extends Comparison {
    static final String NAME = "lt";

    Lt() {
        super(" < ");
    }

    @Override
    public String name() {
        return NAME;
    }
}
