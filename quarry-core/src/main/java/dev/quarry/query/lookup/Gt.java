package dev.quarry.query.lookup;

/** {@code gt}: greater than. */
final class Gt extends Comparison {
    static final String NAME = "gt";

    Gt() {
        super(" > ");
    }

    @Override
    public String name() {
        return NAME;
    }
}
