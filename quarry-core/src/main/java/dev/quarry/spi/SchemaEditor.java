package dev.quarry.spi;

import java.util.List;

/** Writes a database's DDL for tables described by metadata. */
public interface SchemaEditor {
    /** The statements that create this table, its indexes and (where inline) its foreign keys. */
    List<String> createTable(TableDef table);

    /** The statements that add this table's foreign keys once every table exists; empty where inline. */
    List<String> addForeignKeys(TableDef table);

    /** The statements that drop these tables, whatever refers to them. */
    List<String> dropTables(List<String> tables);
}
