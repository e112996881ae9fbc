package dev.quarry.spi;

/** One database product, found by {@code ServiceLoader} and chosen by JDBC URL. */
public interface Backend {
    /** The vendor id: {@code sqlite}, {@code postgresql}, {@code mysql}. */
    String vendor();

    /** Whether this backend serves connections made with this JDBC URL. */
    boolean accepts(String jdbcUrl);

    /** Capabilities and limits. */
    Features features();

    /** Quoting, parameter conversion, row reading and the SQL forms that differ by database. */
    Operations operations();

    /** DDL for tables, constraints and indexes. */
    SchemaEditor schemaEditor();

    /** Reads an existing schema ({@code inspectdb}); the default refuses, for backends written before it. */
    default Introspection introspection() {
        throw new UnsupportedOperationException(getClass().getName() + " has no introspection for inspectdb; "
                + "extend dev.quarry.backend.BaseIntrospection");
    }

    /**
     * Prepares a connection the first time Quarry sees it (SQLite turns foreign keys on and sets a
     * busy timeout, for instance). Runs once per physical connection, also for pooled ones.
     *
     * @throws java.sql.SQLException if a setting is refused
     */
    default void initConnection(java.sql.Connection connection) throws java.sql.SQLException {
    }

    /**
     * Driver properties for connections Quarry opens itself from a JDBC URL (never for a
     * user's DataSource); the user's own properties win.
     */
    default java.util.Map<String, String> connectionProperties(String jdbcUrl) {
        return java.util.Map.of();
    }

    /**
     * Whether the database at this URL lives only as long as one connection (an in-memory SQLite
     * database), so Quarry must keep that connection and share it between threads one at a time.
     */
    default boolean singleConnection(String jdbcUrl) {
        return false;
    }

    /**
     * How far behind its primary the database at the end of {@code connection} is, when it is a
     * replica that can tell; empty when it is none (or cannot tell). Routers skip a replica that lags
     * more than their bound. Runs a query on the connection; the default knows of no replication.
     *
     * @throws java.sql.SQLException if the lag query fails (the caller then treats the replica as down)
     */
    default java.util.Optional<java.time.Duration> replicationLag(java.sql.Connection connection)
            throws java.sql.SQLException {
        return java.util.Optional.empty();
    }

    /** The command line that opens this database's shell ({@code quarry dbshell}). */
    default java.util.List<String> shellCommand(String jdbcUrl) {
        return java.util.List.of();
    }

    /**
     * The client that opens this database's shell on {@code jdbcUrl} as {@code user} (either may be {@code null}
     * where the URL carries it) with {@code password} in its environment ({@code quarry dbshell}); the default
     * is {@link #shellCommand(String)} with no environment.
     */
    default ShellCommand shellCommand(String jdbcUrl, String user, String password) {
        return new ShellCommand(shellCommand(jdbcUrl), java.util.Map.of());
    }
}
