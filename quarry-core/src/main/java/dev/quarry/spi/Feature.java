package dev.quarry.spi;

/** A capability a database may have; tests gate on these, never on vendor names. */
public enum Feature {
    /** {@code INSERT ... RETURNING}. */
    RETURNING,
    /**
     * {@code COUNT(x) FILTER (WHERE ...)} for conditional aggregates (PostgreSQL, SQLite 3.30+);
     * without it Quarry writes {@code COUNT(CASE WHEN ... THEN x END)}, which gives the same values.
     */
    AGGREGATE_FILTER_CLAUSE,
    /** {@code ORDER BY x NULLS FIRST/LAST}. */
    NULLS_ORDERING,
    /** A case-insensitive {@code ILIKE} operator. */
    ILIKE,
    /** DDL statements take part in transactions. */
    TRANSACTIONAL_DDL,
    /** {@code GROUP BY pk} may select the other columns of that table. */
    GROUP_BY_SELECTED_PK,
    /** Comparisons with {@code =} are case-sensitive under the default collation. */
    CASE_SENSITIVE_EQUALITY,
    /** Float columns store and compare NaN (PostgreSQL; SQLite stores NULL instead, MariaDB refuses it). */
    FLOAT_NAN,
    /** Float columns store and compare positive and negative infinity (PostgreSQL, SQLite; not MariaDB). */
    FLOAT_INFINITY,
    /**
     * One writer at a time for the whole database (SQLite): Quarry queues its own writing threads
     * fairly instead of letting them spin on the database's busy handler, where one can starve.
     */
    SINGLE_WRITER,
    /**
     * {@code SELECT ... FOR UPDATE} locks the rows it reads. Without it (SQLite) {@code selectForUpdate()}
     * adds nothing to the SQL, as in Django: a transaction there holds the write lock from its start.
     */
    SELECT_FOR_UPDATE,
    /** {@code FOR UPDATE NOWAIT}. */
    SELECT_FOR_UPDATE_NOWAIT,
    /** {@code FOR UPDATE SKIP LOCKED}. */
    SELECT_FOR_UPDATE_SKIP_LOCKED,
    /** {@code FOR UPDATE OF table, ...}: lock only some of the joined tables. */
    SELECT_FOR_UPDATE_OF,
    /**
     * An upsert names the unique columns whose conflict it handles ({@code ON CONFLICT (name)});
     * without it (MariaDB's {@code ON DUPLICATE KEY UPDATE}) a conflict on any unique key triggers it.
     */
    ON_CONFLICT_TARGET,
    /**
     * JSON containment: a JSONField's {@code contains} and {@code contained_by} lookups (PostgreSQL's
     * {@code @>}/{@code <@}, MariaDB's {@code JSON_CONTAINS}; SQLite has no such function).
     */
    JSON_CONTAINS,
    /**
     * JSON documents may nest arrays and objects more than 31 deep (MariaDB's JSON columns refuse a JSON depth
     * over 32, scalars counted; SQLite and PostgreSQL store them). Without it, deeper documents are refused
     * before any SQL.
     */
    DEEP_JSON,
    /**
     * Array columns ({@code @ArrayField}: {@code integer[]}, {@code text[]}, ...) with their operators (PostgreSQL).
     * Without it, a model with an array field is refused when the Quarry is built, naming the model, the field
     * and the database.
     */
    ARRAY_FIELD,
    /**
     * Decimal columns keep every digit their type declares (PostgreSQL's and MariaDB's {@code numeric}). Without it
     * (SQLite, whose {@code decimal} columns hold 64-bit integers or floats), a decimal that a float would not keep
     * exactly (more than 15 significant digits) is refused before any SQL.
     */
    EXACT_DECIMALS
}
