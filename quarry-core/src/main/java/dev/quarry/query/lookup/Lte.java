package dev.quarry.query.lookup;

/** {@code lte}: less than or equal to. */
final class Lte extends Comparison {
    static final String NAME = "lte";

    Lte() {
        super(" <= ");
    }

    @Override
    public String name() {
        return NAME;
    }
}
