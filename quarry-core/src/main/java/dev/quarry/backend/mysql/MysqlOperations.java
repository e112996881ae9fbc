package dev.quarry.backend.mysql;

import dev.quarry.backend.BaseOperations;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.PatternKind;
import dev.quarry.spi.SqlWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * MariaDB/MySQL forms: backtick quoting, tables in {@code utf8mb4_nopad_bin} so equality and LIKE are
 * case-sensitive and count trailing spaces as elsewhere (LOWER() for the case-insensitive lookups), datetimes stored as UTC,
 * NULLS FIRST/LAST emulated.
 */
final class MysqlOperations extends BaseOperations {
    MysqlOperations(Features features) {
        super(features);
    }

    @Override
    public String quoteName(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    @Override
    public void limitOffset(SqlWriter w, Long limit, Long offset) {
        if (limit == null && offset != null && offset > 0) {
            w.sql(" LIMIT 18446744073709551615");
        }
        super.limitOffset(w, limit, offset);
    }

    @Override
    public void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive) {
        // Bound values keep their backslashes; MySQL's LIKE escapes with a backslash by default.
        if (caseInsensitive) {
            w.sql("LOWER(");
            lhs.run();
            w.sql(") LIKE LOWER(").param(likePattern(value, kind)).sql(")");
        } else {
            lhs.run();
            w.sql(" LIKE ").param(likePattern(value, kind));
        }
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE}, which reacts to a conflict on any unique key (MariaDB cannot
     * name one). Ignoring is a no-op update of the key rather than Django's {@code INSERT IGNORE},
     * which would also turn foreign-key, NOT NULL and range errors into warnings and skip or
     * change those rows; this way only duplicates are ignored, as on PostgreSQL and SQLite.
     */
    @Override
    public void onConflict(SqlWriter w, String table, java.util.List<String> targetColumns,
                           java.util.List<String> updateColumns, String pkColumn, String versionColumn) {
        w.sql(" ON DUPLICATE KEY UPDATE ");
        if (updateColumns.isEmpty()) {
            w.identifier(pkColumn).sql(" = ").identifier(pkColumn);
            return;
        }
        for (int i = 0; i < updateColumns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(updateColumns.get(i)).sql(" = VALUES(").identifier(updateColumns.get(i))
                    .sql(")");
        }
        if (versionColumn != null) {
            w.sql(", ").identifier(versionColumn).sql(" = ").identifier(versionColumn).sql(" + 1");
        }
    }

    /** MariaDB averages integers as DECIMAL with four more digits (div_precision_increment); average doubles instead. */
    @Override
    public void averageArgument(SqlWriter w, Runnable argument) {
        w.sql("CAST(");
        argument.run();
        w.sql(" AS DOUBLE)");
    }

    @Override
    public Object toDb(Object value) {
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof UUID u) {
            return u.toString();
        }
        return super.toDb(value);
    }

    @Override
    public ColumnReader reader(FieldType type) {
        if (type == FieldType.DATETIME) {
            return (rs, i) -> {
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                return t == null ? null : t.toInstant(ZoneOffset.UTC);
            };
        }
        return super.reader(type);
    }

    @Override
    public String literal(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return super.literal(v);
    }
}
