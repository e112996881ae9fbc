package dev.quarry.query.lookup;

import dev.quarry.spi.PatternKind;

/** {@code istartswith}: starts with the text, ignoring case. */
final class IStartsWith extends PatternLookup {
    static final String NAME = "istartswith";

    IStartsWith() {
        super(PatternKind.STARTS_WITH, true);
    }

    @Override
    public String name() {
        return NAME;
    }
}
