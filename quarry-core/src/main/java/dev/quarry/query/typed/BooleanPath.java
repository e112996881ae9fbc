package dev.quarry.query.typed;

import dev.quarry.Q;

/** A typed path to a boolean field: {@code eq(true)}, or the shorter {@code isTrue()} and {@code isFalse()}. */
public final class BooleanPath extends FieldPath<Boolean> {
    /** A path to a boolean field. */
    public BooleanPath(String path) {
        super(path, Boolean.class);
    }

    /** The field is true: {@code Q.of(path, true)}. */
    public Q isTrue() {
        return eq(Boolean.TRUE);
    }

    /** The field is false: {@code Q.of(path, false)}. */
    public Q isFalse() {
        return eq(Boolean.FALSE);
    }
}
