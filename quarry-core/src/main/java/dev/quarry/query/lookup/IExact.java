package dev.quarry.query.lookup;

import dev.quarry.spi.PatternKind;

/** {@code iexact}: equal ignoring case. */
final class IExact extends PatternLookup {
    static final String NAME = "iexact";

    IExact() {
        super(PatternKind.EXACT, true);
    }

    @Override
    public String name() {
        return NAME;
    }
}
