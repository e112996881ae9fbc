package dev.quarry.backend.mysql;

import dev.quarry.backend.BaseBackend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.util.EnumSet;
import java.util.List;

/** MariaDB (10.5+, for RETURNING) and MySQL through MariaDB Connector/J or MySQL Connector/J. */
public final class MysqlBackend extends BaseBackend {
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING, Feature.EXACT_DECIMALS,
            Feature.CASE_SENSITIVE_EQUALITY,
            // NOWAIT: MariaDB 10.3, MySQL 8.0.1; SKIP LOCKED: MariaDB 10.6, MySQL 8.0.1. FOR UPDATE OF is
            // MySQL 8 only, and this backend does not tell the two servers apart yet, so it is left out.
            Feature.SELECT_FOR_UPDATE, Feature.SELECT_FOR_UPDATE_NOWAIT, Feature.SELECT_FOR_UPDATE_SKIP_LOCKED,
            // JSON_CONTAINS: MariaDB 10.2, MySQL 5.7 (a JSONField's exact uses JSON_EQUALS, MariaDB 10.7+).
            Feature.JSON_CONTAINS), 32_000, 65_535);

    /** The backend, as {@code ServiceLoader} creates it. */
    public MysqlBackend() {
        this(new MysqlOperations(FEATURES));
    }

    private MysqlBackend(MysqlOperations ops) {
        super("mysql", List.of("jdbc:mariadb:", "jdbc:mysql:"), FEATURES, ops, new MysqlSchemaEditor(ops));
    }

    /**
     * Sessions run at READ COMMITTED, as on PostgreSQL and as Django sets for MySQL since 2.0:
     * InnoDB's default, REPEATABLE READ, keeps a transaction's first snapshot, so a get after a
     * duplicate-key error inside a transaction would not see the row that caused it (getOrCreate).
     * Set with SQL, not {@code setTransactionIsolation}, so that a pool does not undo it on return.
     */
    @Override
    public void initConnection(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    }

    /**
     * A replica's {@code Seconds_Behind_Master} from {@code SHOW SLAVE STATUS} (MariaDB and MySQL both
     * accept that spelling); a replica whose SQL thread is stopped reports none, and counts as very far
     * behind. Empty on a server that replicates from nothing.
     */
    @Override
    public java.util.Optional<java.time.Duration> replicationLag(java.sql.Connection connection)
            throws java.sql.SQLException {
        try (java.sql.Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                "SHOW SLAVE STATUS")) {
            if (!rs.next()) {
                return java.util.Optional.empty();
            }
            long seconds = rs.getLong("Seconds_Behind_Master");
            return java.util.Optional.of(rs.wasNull() ? java.time.Duration.ofDays(365)
                    : java.time.Duration.ofSeconds(seconds));
        }
    }

    @Override
    public List<String> shellCommand(String jdbcUrl) {
        return shellCommand(jdbcUrl, null, null).arguments();
    }

    /** {@code mariadb -h HOST -P PORT -u USER DATABASE}, the password in {@code MYSQL_PWD} (off the command line). */
    @Override
    public dev.quarry.spi.ShellCommand shellCommand(String jdbcUrl, String user, String password) {
        dev.quarry.backend.JdbcUrl url = dev.quarry.backend.JdbcUrl.parse(jdbcUrl);
        List<String> args = new java.util.ArrayList<>(List.of("mariadb"));
        String u = dev.quarry.backend.JdbcUrl.first(user, url.parameters().get("user"));
        String p = dev.quarry.backend.JdbcUrl.first(password, url.parameters().get("password"));
        if (url.host() != null) {
            args.add("--host=" + url.host());
        }
        if (url.port() != null) {
            args.add("--port=" + url.port());
        }
        if (u != null) {
            args.add("--user=" + u);
        }
        if (url.database() != null) {
            args.add(url.database());
        }
        return new dev.quarry.spi.ShellCommand(args, p == null ? java.util.Map.of() : java.util.Map.of("MYSQL_PWD", p));
    }

    @Override
    public dev.quarry.spi.Introspection introspection() {
        return new MysqlIntrospection();
    }
}
