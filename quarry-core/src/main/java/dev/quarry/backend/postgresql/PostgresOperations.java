package dev.quarry.backend.postgresql;

import dev.quarry.backend.BaseOperations;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.PatternKind;
import dev.quarry.spi.SqlWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** PostgreSQL's forms: ILIKE for case-insensitive matches, timestamps with time zone, native UUIDs. */
final class PostgresOperations extends BaseOperations {
    PostgresOperations(Features features) {
        super(features);
    }

    @Override
    public void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive) {
        lhs.run();
        w.sql(caseInsensitive ? " ILIKE " : " LIKE ").param(likePattern(value, kind));
    }

    @Override
    public java.util.List<String> resetKeyGenerator(String table, String column) {
        String t = quoteName(table);
        String c = quoteName(column);
        // Identifiers come from model metadata; the table name is also passed as a literal.
        return java.util.List.of("SELECT setval(pg_get_serial_sequence('" + t.replace("'", "''") + "', '"
                + column.replace("'", "''") + "'), COALESCE(MAX(" + c + "), 1), MAX(" + c + ") IS NOT NULL) FROM " + t);
    }

    /** A CASE of bind parameters has no type of its own in PostgreSQL (NULLs would be text): cast it to the column's. */
    @Override
    public void typedCase(SqlWriter w, FieldType type, Runnable caseExpression) {
        w.sql("CAST(");
        caseExpression.run();
        w.sql(switch (type) {
            case AUTO, BIGINT -> " AS bigint)";
            case INTEGER, POSITIVE_INTEGER -> " AS integer)";
            case SMALLINT, POSITIVE_SMALLINT -> " AS smallint)";
            case BOOLEAN -> " AS boolean)";
            case FLOAT -> " AS double precision)";
            case DECIMAL -> " AS numeric)";
            case CHAR, TEXT -> " AS text)";
            case DATE -> " AS date)";
            case DATETIME -> " AS timestamp with time zone)";
            case UUID -> " AS uuid)";
        });
    }

    @Override
    public Object toDb(Object value) {
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return super.toDb(value);
    }

    @Override
    public ColumnReader reader(FieldType type) {
        if (type == FieldType.UUID) {
            return (rs, i) -> rs.getObject(i, java.util.UUID.class);
        }
        return super.reader(type);
    }
}
