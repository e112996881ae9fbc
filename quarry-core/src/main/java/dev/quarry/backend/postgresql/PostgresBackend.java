package dev.quarry.backend.postgresql;

import dev.quarry.backend.BaseBackend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.util.EnumSet;
import java.util.List;

/** PostgreSQL through pgjdbc. */
public final class PostgresBackend extends BaseBackend {
    // pgjdbc binds at most 65535 parameters (an unsigned 16-bit count); stay under the signed limit.
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING, Feature.EXACT_DECIMALS, Feature.NULLS_ORDERING,
            Feature.ILIKE, Feature.TRANSACTIONAL_DDL, Feature.GROUP_BY_SELECTED_PK, Feature.CASE_SENSITIVE_EQUALITY,
            Feature.FLOAT_NAN, Feature.FLOAT_INFINITY,
            Feature.SELECT_FOR_UPDATE, Feature.SELECT_FOR_UPDATE_NOWAIT, Feature.SELECT_FOR_UPDATE_SKIP_LOCKED,
            Feature.SELECT_FOR_UPDATE_OF, Feature.ON_CONFLICT_TARGET, Feature.JSON_CONTAINS, Feature.DEEP_JSON,
            Feature.AGGREGATE_FILTER_CLAUSE, Feature.ARRAY_FIELD),
            32_000, 32_767);

    /** The backend, as {@code ServiceLoader} creates it. */
    public PostgresBackend() {
        this(new PostgresOperations(FEATURES));
    }

    private PostgresBackend(PostgresOperations ops) {
        super("postgresql", List.of("jdbc:postgresql:"), FEATURES, ops, new PostgresSchemaEditor(ops));
    }

    /**
     * A standby's lag: none while everything received is replayed, else the time since the last
     * transaction it replayed was committed on the primary (unknown, so reported as very large, when
     * none was replayed since it started). Empty on a server that is not in recovery.
     */
    @Override
    public java.util.Optional<java.time.Duration> replicationLag(java.sql.Connection connection)
            throws java.sql.SQLException {
        try (java.sql.Statement st = connection.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                "SELECT pg_is_in_recovery(), CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() "
                + "THEN 0 ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, "
                + "1e12) END")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(java.time.Duration.ofMillis(Math.max(0, (long) rs.getDouble(2))));
        }
    }

    @Override
    public List<String> shellCommand(String jdbcUrl) {
        return shellCommand(jdbcUrl, null, null).arguments();
    }

    /**
     * {@code psql -h HOST -p PORT -U USER -d DATABASE}; the password in {@code PGPASSWORD}, the URL's
     * {@code currentSchema} as the session's {@code search_path} ({@code PGOPTIONS}), {@code sslmode} in {@code PGSSLMODE}.
     */
    @Override
    public dev.quarry.spi.ShellCommand shellCommand(String jdbcUrl, String user, String password) {
        dev.quarry.backend.JdbcUrl url = dev.quarry.backend.JdbcUrl.parse(jdbcUrl);
        List<String> args = new java.util.ArrayList<>(List.of("psql"));
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        String u = dev.quarry.backend.JdbcUrl.first(user, url.parameters().get("user"));
        String p = dev.quarry.backend.JdbcUrl.first(password, url.parameters().get("password"));
        addOption(args, "-h", url.host());
        addOption(args, "-p", url.port());
        addOption(args, "-U", u);
        addOption(args, "-d", url.database());
        if (p != null) {
            env.put("PGPASSWORD", p);
        }
        if (url.parameters().containsKey("currentSchema")) {
            env.put("PGOPTIONS", "-c search_path=" + url.parameters().get("currentSchema"));
        }
        if (url.parameters().containsKey("sslmode")) {
            env.put("PGSSLMODE", url.parameters().get("sslmode"));
        }
        return new dev.quarry.spi.ShellCommand(args, env);
    }

    private static void addOption(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }

    @Override
    public dev.quarry.spi.Introspection introspection() {
        return new PostgresIntrospection();
    }
}
