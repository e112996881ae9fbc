package dev.quarry.sql;

import dev.quarry.spi.Operations;
import dev.quarry.spi.SqlWriter;
import java.util.ArrayList;
import java.util.List;

/** The one place SQL text is concatenated: constants, quoted identifiers and placeholders. */
final class SqlBuilder implements SqlWriter {
    private final StringBuilder sql = new StringBuilder(256);
    private final List<Object> params = new ArrayList<>();
    private final Operations ops;

    SqlBuilder(Operations ops) {
        this.ops = ops;
    }

    @Override
    public SqlBuilder sql(String constant) {
        sql.append(constant);
        return this;
    }

    @Override
    public SqlBuilder identifier(String name) {
        sql.append(ops.quoteName(name));
        return this;
    }

    @Override
    public SqlBuilder param(Object value) {
        sql.append('?');
        params.add(ops.toDb(value));
        return this;
    }

    /** A placeholder whose value is already in the database's form. */
    SqlBuilder rawParam(Object dbValue) {
        sql.append('?');
        params.add(dbValue);
        return this;
    }

    CompiledSql build() {
        return new CompiledSql(sql.toString(), params);
    }
}
