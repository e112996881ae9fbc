package dev.quarry.query.lookup;

import dev.quarry.spi.PatternKind;

/** {@code endswith}: ends with the text, case-sensitive. */
final class EndsWith extends PatternLookup {
    static final String NAME = "endswith";

    EndsWith() {
        super(PatternKind.ENDS_WITH, false);
    }

    @Override
    public String name() {
        return NAME;
    }
}
