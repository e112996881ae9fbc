package dev.quarry.query.lookup;

import dev.quarry.spi.PatternKind;

/** {@code contains}: contains the text, case-sensitive. */
final class Contains extends PatternLookup {
    static final String NAME = "contains";

    Contains() {
        super(PatternKind.CONTAINS, false);
    }

    @Override
    public String name() {
        return NAME;
    }
}
