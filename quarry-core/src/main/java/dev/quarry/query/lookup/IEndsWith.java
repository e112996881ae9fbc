package dev.quarry.query.lookup;

import dev.quarry.spi.PatternKind;

/** {@code iendswith}: ends with the text, ignoring case. */
final class IEndsWith extends PatternLookup {
    static final String NAME = "iendswith";

    IEndsWith() {
        super(PatternKind.ENDS_WITH, true);
    }

    @Override
    public String name() {
        return NAME;
    }
}
