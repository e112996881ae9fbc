package dev.quarry.spi;

import java.util.List;

/** A table as the schema editor sees it: columns, multi-column unique constraints. */
public record TableDef(String name, List<ColumnDef> columns, List<List<String>> uniqueTogether) {
    /** A table; the columns and unique groups are copied. */
    public TableDef {
        columns = List.copyOf(columns);
        uniqueTogether = uniqueTogether.stream().map(List::copyOf).toList();
    }
}
