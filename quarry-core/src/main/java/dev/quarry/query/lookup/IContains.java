package dev.quarry.query.lookup;

import dev.quarry.spi.PatternKind;

/** {@code icontains}: contains the text, ignoring case. */
final class IContains extends PatternLookup {
    static final String NAME = "icontains";

    IContains() {
        super(PatternKind.CONTAINS, true);
    }

    @Override
    public String name() {
        return NAME;
    }
}
