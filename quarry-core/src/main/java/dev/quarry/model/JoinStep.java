package dev.quarry.model;

/**
 * One join of a relation hop: join {@code table} on {@code parent.parentColumn = table.childColumn}.
 *
 * @param multiValued whether one parent row may meet several rows here (reverse FK, M2M)
 * @param nullable whether a parent row may meet no row here, so an INNER join could lose it
 */
public record JoinStep(String table, String parentColumn, String childColumn, boolean multiValued, boolean nullable) {}
