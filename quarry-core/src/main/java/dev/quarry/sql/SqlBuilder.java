package dev.quarry.sql;

import dev.quarry.spi.Operations;
import dev.quarry.spi.SqlWriter;
import java.util.ArrayList;
import java.util.List;

/** The one place SQL text is concatenated: constants, quoted identifiers and placeholders. */
final class SqlBuilder implements SqlWriter {
    /** Sized for a SELECT with a few joins and annotations (W9's is about 400 characters), so that it seldom grows. */
    private final StringBuilder sql = new StringBuilder(512);
    private final ArrayList<Object> params = new ArrayList<>();
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
        ops.appendQuotedName(sql, name);
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

    /**
     * {@code (?, ?), (?, ?), ...}: {@code rows} rows of {@code width} placeholders for {@code values[from ...]}, in the
     * database's form; one row's text is written once and repeated, and the parameters are sized once.
     */
    @Override
    public SqlBuilder valueRows(Object[] values, int from, int rows, int width) {
        StringBuilder row = new StringBuilder(2 + 3 * width).append('(');
        for (int i = 0; i < width; i++) {
            row.append(i > 0 ? ", ?" : "?");
        }
        String text = row.append(')').toString();
        sql.ensureCapacity(sql.length() + rows * (text.length() + 2));
        params.ensureCapacity(params.size() + rows * width);
        for (int r = 0; r < rows; r++) {
            sql.append(r > 0 ? ", " : "").append(text);
        }
        for (int i = from, end = from + rows * width; i < end; i++) {
            params.add(ops.toDb(values[i]));
        }
        return this;
    }

    CompiledSql build() {
        return new CompiledSql(sql.toString(), params);
    }
}
