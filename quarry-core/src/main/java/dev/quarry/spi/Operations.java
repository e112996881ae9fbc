package dev.quarry.spi;

/**
 * The SQL forms and value conversions that differ between databases. Each method writes through
 * a {@link SqlWriter}, so values stay bind parameters.
 */
public interface Operations {
    /** Quotes an identifier taken from model metadata. */
    String quoteName(String name);

    /** Writes the LIMIT/OFFSET clause; either may be {@code null}. */
    void limitOffset(SqlWriter w, Long limit, Long offset);

    /**
     * Writes a pattern comparison of {@code lhs} with the literal text {@code value} (not a
     * pattern: the backend escapes its wildcards).
     */
    void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive);

    /** Writes the extraction of a date part as an integer. */
    void dateExtract(SqlWriter w, DatePart part, FieldType type, Runnable lhs);

    /**
     * Writes {@code lhs IN (?, ?, ...)} for a non-empty list of lookup values compared with a column
     * or expression of kind {@code type}. A backend whose driver or database limits the bind
     * parameters of a statement overrides it to pass a long list as one parameter
     * (PostgreSQL: {@code = ANY(?)} with an array); short lists should keep this form, so their SQL
     * and plans stay as they are.
     */
    default void inList(SqlWriter w, Runnable lhs, java.util.List<?> values, FieldType type) {
        lhs.run();
        w.sql(" IN (");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.sql(", ");
            }
            w.param(values.get(i));
        }
        w.sql(")");
    }

    /** Writes one ORDER BY term. */
    void orderTerm(SqlWriter w, Runnable expr, boolean descending, NullsOrder nulls);

    /** Writes the argument of AVG so the database averages in double precision. */
    default void averageArgument(SqlWriter w, Runnable argument) {
        argument.run();
    }

    /**
     * Statements that move a table's key generator past the largest key after rows were inserted
     * with explicit keys (PostgreSQL's sequences do not follow such inserts); none by default.
     */
    default java.util.List<String> resetKeyGenerator(String table, String column) {
        return java.util.List.of();
    }

    /** Converts a Java value into what the JDBC driver binds for it. */
    Object toDb(Object value);

    /** The reader of a column of this kind. */
    ColumnReader reader(FieldType type);

    /** A SQL literal for a bind value, used only to show statements in logs and messages. */
    String literal(Object dbValue);

    /** The statement that ends a transaction's SQL at a savepoint name, when the default differs. */
    default String savepointName(int depth) {
        return "quarry_sp_" + depth;
    }
}
