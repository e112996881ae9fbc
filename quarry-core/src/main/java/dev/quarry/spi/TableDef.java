package dev.quarry.spi;

import java.util.List;

/**
 * A table as the schema editor sees it: columns, multi-column unique constraints, and named indexes
 * (those of migrations' {@code AddIndex} and {@code AddConstraint}, and the unique indexes of
 * {@code @Meta(uniqueTogether)}), and named CHECK constraints ({@code @Meta(checks)}).
 *
 * @param name the table name
 * @param columns the columns, primary key first
 * @param uniqueTogether unnamed multi-column unique constraints written inside CREATE TABLE
 * @param indexes named indexes, created after the table
 * @param checks named CHECK constraints written inside CREATE TABLE
 */
public record TableDef(String name, List<ColumnDef> columns, List<List<String>> uniqueTogether, List<IndexDef> indexes,
                       List<CheckDef> checks) {
    /** Copies the lists. */
    public TableDef {
        columns = List.copyOf(columns);
        uniqueTogether = uniqueTogether.stream().map(List::copyOf).toList();
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
    }

    /** A table without CHECK constraints. */
    public TableDef(String name, List<ColumnDef> columns, List<List<String>> uniqueTogether, List<IndexDef> indexes) {
        this(name, columns, uniqueTogether, indexes, List.of());
    }

    /** A table without named indexes. */
    public TableDef(String name, List<ColumnDef> columns, List<List<String>> uniqueTogether) {
        this(name, columns, uniqueTogether, List.of());
    }

    /** The column of this name; an {@link IllegalArgumentException} naming the columns when there is none. */
    public ColumnDef column(String column) {
        for (ColumnDef c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Table " + name + " has no column " + column + "; its columns are "
                + columns.stream().map(ColumnDef::name).toList());
    }

    /** This table under another name. */
    public TableDef withName(String newName) {
        return new TableDef(newName, columns, uniqueTogether, indexes, checks);
    }
}
