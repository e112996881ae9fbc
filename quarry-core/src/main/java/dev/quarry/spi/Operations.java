package dev.quarry.spi;

/**
 * The SQL forms and value conversions that differ between databases. Each method writes through
 * a {@link SqlWriter}, so values stay bind parameters.
 */
public interface Operations {
    /** Quotes an identifier taken from model metadata. */
    String quoteName(String name);

    /**
     * Appends {@code name} quoted, as {@link #quoteName} writes it, to {@code sql}: the form SQL
     * writing uses, which a backend may implement without making a String per identifier.
     */
    default void appendQuotedName(StringBuilder sql, String name) {
        sql.append(quoteName(name));
    }

    /** Writes the LIMIT/OFFSET clause; either may be {@code null}. */
    void limitOffset(SqlWriter w, Long limit, Long offset);

    /**
     * Writes a pattern comparison of {@code lhs} with the literal text {@code value} (not a
     * pattern: the backend escapes its wildcards).
     */
    void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive);

    /**
     * Writes a regular-expression match of {@code lhs} with {@code pattern} (a bind parameter): found
     * anywhere in the text, case-sensitive unless {@code caseInsensitive}. The default is
     * {@code lhs REGEXP ?}; PostgreSQL writes {@code ~}.
     */
    default void regexMatch(SqlWriter w, Runnable lhs, String pattern, boolean caseInsensitive) {
        lhs.run();
        w.sql(" REGEXP ").param(caseInsensitive ? "(?i)" + pattern : pattern);
    }

    /**
     * Writes the extraction of a date part as an integer, with Django's numbering: {@code WEEK_DAY}
     * 1 (Sunday) to 7, {@code ISO_WEEK_DAY} 1 (Monday) to 7, {@code WEEK} and {@code ISO_YEAR} by
     * ISO-8601; date-times are read in UTC.
     */
    void dateExtract(SqlWriter w, DatePart part, FieldType type, Runnable lhs);

    /**
     * Writes {@code lhs} (of kind {@code type}) cut to the start of {@code part} (a week starts on
     * Monday), of the same kind; {@code DATE} and {@code TIME} give the date (a {@code DATE}) or the
     * time of day (a {@code TIME}) of a date-time, in UTC.
     */
    default void dateTrunc(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        throw new UnsupportedOperationException("trunc to " + part + " is not supported by this backend");
    }

    /**
     * The backend's own way of writing the built-in function {@code name} ({@code "Length"}), or
     * {@code null} to write the standard SQL.
     */
    default FunctionWriter function(String name) {
        return null;
    }

    /**
     * Writes a window function call. The default is the standard form, {@code call OVER (partition order frame)};
     * a backend overrides it where its database refuses a part (MariaDB: no frame on a numbering, no default
     * for {@code LAG}/{@code LEAD}) or types the result otherwise, so that every database gives the same value.
     */
    default void window(SqlWriter w, WindowCall call) {
        call.call().run();
        call.over(w, true);
    }

    /** Writes {@code left / right}; {@code integral} when both are whole numbers, whose quotient must be one too. */
    default void divide(SqlWriter w, Runnable left, Runnable right, boolean integral) {
        left.run();
        w.sql(" / ");
        right.run();
    }

    /** Writes a NULL of kind {@code type} (where the database needs the kind, a cast). */
    default void typedNull(SqlWriter w, FieldType type) {
        w.sql("NULL");
    }

    /** Writes a random number, for {@code orderBy("?")}. */
    default void random(SqlWriter w) {
        w.sql("RANDOM()");
    }

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

    /**
     * Writes a multi-row INSERT's rows after its column list: {@code rows} rows of one value per column,
     * row after row in {@code values} from index {@code from} (Java values, before {@link #toDb}), column
     * {@code i} of kind {@code types.get(i)} ({@code null}: not known). The default is the standard
     * {@code VALUES (?, ...), (?, ...)}. PostgreSQL overrides it to bind one array per column
     * ({@code SELECT * FROM unnest(...)}), so that the statement is parsed and planned once whatever
     * the number of rows; a backend doing so falls back to the default for any column or value it
     * cannot put in an array.
     */
    default void insertRows(SqlWriter w, java.util.List<FieldType> types, Object[] values, int from, int rows) {
        w.sql(" VALUES ").valueRows(values, from, rows, types.size());
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

    /**
     * Statements that give the transaction just begun its isolation level (a JDBC
     * {@code Connection.TRANSACTION_*} constant, or -1 for the database's default) and read-only
     * mode; run before any other statement of the transaction. The default is the standard
     * {@code SET TRANSACTION ISOLATION LEVEL ..., READ ONLY}, which PostgreSQL applies to the
     * transaction it opens and MariaDB to the next one.
     */
    default java.util.List<String> transactionStart(int isolation, boolean readOnly) {
        java.util.List<String> modes = new java.util.ArrayList<>(2);
        switch (isolation) {
            case java.sql.Connection.TRANSACTION_READ_UNCOMMITTED -> modes.add("ISOLATION LEVEL READ UNCOMMITTED");
            case java.sql.Connection.TRANSACTION_READ_COMMITTED -> modes.add("ISOLATION LEVEL READ COMMITTED");
            case java.sql.Connection.TRANSACTION_REPEATABLE_READ -> modes.add("ISOLATION LEVEL REPEATABLE READ");
            case java.sql.Connection.TRANSACTION_SERIALIZABLE -> modes.add("ISOLATION LEVEL SERIALIZABLE");
            default -> { }
        }
        if (readOnly) {
            modes.add("READ ONLY");
        }
        return modes.isEmpty() ? java.util.List.of() : java.util.List.of("SET TRANSACTION " + String.join(", ", modes));
    }

    /**
     * Statements that undo what {@link #transactionStart} set for the session, run just before the
     * transaction commits or rolls back; none by default (a {@code SET TRANSACTION} ends with its transaction).
     */
    default java.util.List<String> transactionEnd(boolean readOnly) {
        return java.util.List.of();
    }

    /**
     * Writes the row-locking clause of a SELECT: {@code FOR UPDATE [OF aliases] [NOWAIT | SKIP LOCKED]}.
     * Called only for databases with {@link Feature#SELECT_FOR_UPDATE}, and with options their
     * features allow.
     */
    default void forUpdate(SqlWriter w, java.util.List<String> ofAliases, boolean nowait, boolean skipLocked) {
        w.sql(" FOR UPDATE");
        for (int i = 0; i < ofAliases.size(); i++) {
            w.sql(i == 0 ? " OF " : ", ").identifier(ofAliases.get(i));
        }
        if (nowait) {
            w.sql(" NOWAIT");
        } else if (skipLocked) {
            w.sql(" SKIP LOCKED");
        }
    }

    /**
     * Writes what a multi-row INSERT into {@code table} does with a row whose unique key already
     * exists: nothing when {@code updateColumns} is empty, else sets those columns from the row being
     * inserted and raises {@code versionColumn} (when not {@code null}) by one. {@code targetColumns}
     * name the unique constraint (may be empty for "any", when ignoring); {@code pkColumn} is the
     * table's key. The default is the {@code ON CONFLICT} clause of PostgreSQL and SQLite.
     */
    default void onConflict(SqlWriter w, String table, java.util.List<String> targetColumns,
                            java.util.List<String> updateColumns, String pkColumn, String versionColumn) {
        w.sql(" ON CONFLICT");
        if (!targetColumns.isEmpty()) {
            w.sql(" (");
            for (int i = 0; i < targetColumns.size(); i++) {
                w.sql(i > 0 ? ", " : "").identifier(targetColumns.get(i));
            }
            w.sql(")");
        }
        if (updateColumns.isEmpty()) {
            w.sql(" DO NOTHING");
            return;
        }
        w.sql(" DO UPDATE SET ");
        for (int i = 0; i < updateColumns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(updateColumns.get(i)).sql(" = EXCLUDED.").identifier(updateColumns.get(i));
        }
        if (versionColumn != null) {
            // PostgreSQL: an unqualified column here is ambiguous between the row and EXCLUDED.
            w.sql(", ").identifier(versionColumn).sql(" = ").identifier(table).sql(".").identifier(versionColumn).sql(" + 1");
        }
    }

    /**
     * Writes a CASE expression whose results are bind parameters so that it has the type of a
     * column of kind {@code type} ({@code bulkUpdate}); PostgreSQL needs a cast, the others take it as it is.
     */
    default void typedCase(SqlWriter w, FieldType type, Runnable caseExpression) {
        caseExpression.run();
    }

    // ---- JSON (issue 10): a path is a list of keys (String) and array indexes (Integer), empty for the document ----

    /** Writes the JSON value at {@code path} in the JSON expression {@code json}, as JSON (for equality and containment). */
    void jsonValue(SqlWriter w, Runnable json, java.util.List<Object> path);

    /** Writes the scalar at {@code path} as an SQL value: a JSON string as its text, a number as a number. */
    void jsonScalar(SqlWriter w, Runnable json, java.util.List<Object> path);

    /** Writes a condition: {@code path} exists in {@code json} (a key or index present, whatever its value). */
    void jsonHasPath(SqlWriter w, Runnable json, java.util.List<Object> path);

    /** Writes a condition: the value at {@code path} is the JSON {@code null} (not a missing key, not SQL NULL). */
    void jsonIsJsonNull(SqlWriter w, Runnable json, java.util.List<Object> path);

    /** Writes a condition: the value at {@code path} equals the JSON document {@code jsonText}. */
    void jsonEquals(SqlWriter w, Runnable json, java.util.List<Object> path, String jsonText);

    /**
     * Writes a comparison ({@code <}, {@code <=}, {@code >}, {@code >=}) of the scalar at {@code path} with a
     * number or text; numbers compare as numbers, text as text.
     */
    void jsonCompare(SqlWriter w, Runnable json, java.util.List<Object> path, String operator, Object scalar);

    /**
     * Writes JSON containment: the value at {@code path} contains the document {@code jsonText}, or is
     * contained by it when {@code containedBy}. Called only where {@link Feature#JSON_CONTAINS}.
     */
    default void jsonContains(SqlWriter w, Runnable json, java.util.List<Object> path, String jsonText,
                              boolean containedBy) {
        throw new UnsupportedOperationException("JSON containment");
    }

    /**
     * Writes an array comparison of {@code array} with the bound array {@code value}: {@code "contains"}
     * (every element of the value is in the array), {@code "contained_by"} or {@code "overlap"} (an element
     * in common). {@code elementType} is the kind of the array's elements. Called only where
     * {@link Feature#ARRAY_FIELD}.
     */
    default void arrayCompare(SqlWriter w, Runnable array, String lookup, FieldType elementType, SqlArray value) {
        throw new UnsupportedOperationException("arrays");
    }

    /** Writes the number of elements of {@code array} (0 for an empty one, NULL for NULL); where {@link Feature#ARRAY_FIELD}. */
    default void arrayLength(SqlWriter w, Runnable array) {
        throw new UnsupportedOperationException("arrays");
    }

    /** Writes the element at the 0-based {@code index} of {@code array} (NULL past its end); where {@link Feature#ARRAY_FIELD}. */
    default void arrayElement(SqlWriter w, Runnable array, int index) {
        throw new UnsupportedOperationException("arrays");
    }

    /** Writes the elements {@code from} (0-based, included) to {@code to} (excluded) of {@code array}; where {@link Feature#ARRAY_FIELD}. */
    default void arraySlice(SqlWriter w, Runnable array, int from, int to) {
        throw new UnsupportedOperationException("arrays");
    }

    /** The statement that ends a transaction's SQL at a savepoint name, when the default differs. */
    default String savepointName(int depth) {
        return "quarry_sp_" + depth;
    }

    /**
     * The formats {@code explain(format, ...)} accepts on this database, upper case (Django's
     * {@code supported_explain_formats}); none by default.
     */
    default java.util.Set<String> explainFormats() {
        return java.util.Set.of();
    }

    /** The options {@code explain(format, options)} accepts on this database, upper case; none by default. */
    default java.util.Set<String> explainOptions() {
        return java.util.Set.of();
    }

    /**
     * The text put before a SELECT so that the database returns its plan instead of its rows (Django's
     * {@code explain_query_prefix}): {@code format} is {@code null} (the default) or one of
     * {@link #explainFormats()}, the options' names are among {@link #explainOptions()}. Plain
     * {@code EXPLAIN} by default.
     */
    default String explainPrefix(String format, java.util.Map<String, Boolean> options) {
        return "EXPLAIN";
    }
}
