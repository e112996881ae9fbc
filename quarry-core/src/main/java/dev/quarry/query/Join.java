package dev.quarry.query;

import dev.quarry.model.JoinStep;

/**
 * One join of a query: {@code type JOIN step.table alias ON parentAlias.parentColumn = alias.childColumn}.
 * {@code group} is the filter() call that created it (multi-valued joins are reused only within
 * it), or -1 for joins made by annotate, orderBy, values or selectRelated.
 */
public record Join(String alias, String parentAlias, JoinStep step, JoinType type, int group) {
    /** INNER or LEFT OUTER. */
    public enum JoinType {
        /** {@code INNER JOIN}: rows without a match are dropped. */
        INNER,
        /** {@code LEFT OUTER JOIN}: rows without a match are kept, with NULLs. */
        LEFT
    }

    Join withType(JoinType t) {
        return new Join(alias, parentAlias, step, t, group);
    }
}
