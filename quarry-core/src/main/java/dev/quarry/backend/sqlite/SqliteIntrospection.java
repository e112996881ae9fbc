package dev.quarry.backend.sqlite;

import dev.quarry.backend.BaseIntrospection;

/** SQLite's schema through the driver's metadata: its {@code sqlite_*} tables left out, an integer primary key auto-incrementing. */
final class SqliteIntrospection extends BaseIntrospection {
    @Override
    protected boolean internal(String table) {
        return table.startsWith("sqlite_");
    }

    /** An {@code integer} primary key is SQLite's row id, which numbers new rows by itself. */
    @Override
    protected boolean autoKey(String typeName) {
        return typeName.equals("integer");
    }

    /** The SQLite driver reports a {@code decimal(p, s)} column's size as {@code p + s}. */
    @Override
    protected int precision(int columnSize, int decimalDigits) {
        return columnSize - decimalDigits;
    }
}
