package dev.quarry.query.lookup;

/** {@code gte}: greater than or equal to. */
final class Gte extends Comparison {
    static final String NAME = "gte";

    Gte() {
        super(" >= ");
    }

    @Override
    public String name() {
        return NAME;
    }
}
