package dev.quarry.spi;

/** Where NULLs go in an ordering: where the database puts them, first, or last. */
public enum NullsOrder {
    /** Where the database puts NULLs by default (first ascending on PostgreSQL, last on SQLite and MariaDB). */
    DEFAULT,
    /** NULLs before every value. */
    FIRST,
    /** NULLs after every value. */
    LAST
}
