package dev.quarry.query.lookup;

import dev.quarry.spi.PatternKind;

/** {@code startswith}: starts with the text, case-sensitive. */
final class StartsWith extends PatternLookup {
    static final String NAME = "startswith";

    StartsWith() {
        super(PatternKind.STARTS_WITH, false);
    }

    @Override
    public String name() {
        return NAME;
    }
}
