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

    /** Prepares a new connection (SQLite turns foreign keys on, for instance). */
    default void initConnection(java.sql.Connection connection) throws java.sql.SQLException {
    }

    /** The command line that opens this database's shell ({@code quarry dbshell}). */
    default java.util.List<String> shellCommand(String jdbcUrl) {
        return java.util.List.of();
    }
}
