package dev.quarry.backend.postgresql;

import dev.quarry.backend.BaseBackend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.util.EnumSet;
import java.util.List;

/** PostgreSQL through pgjdbc. */
public final class PostgresBackend extends BaseBackend {
    // pgjdbc binds at most 65535 parameters (an unsigned 16-bit count); stay under the signed limit.
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING, Feature.NULLS_ORDERING,
            Feature.ILIKE, Feature.TRANSACTIONAL_DDL, Feature.GROUP_BY_SELECTED_PK, Feature.CASE_SENSITIVE_EQUALITY,
            Feature.FLOAT_NAN, Feature.FLOAT_INFINITY,
            Feature.SELECT_FOR_UPDATE, Feature.SELECT_FOR_UPDATE_NOWAIT, Feature.SELECT_FOR_UPDATE_SKIP_LOCKED,
            Feature.SELECT_FOR_UPDATE_OF, Feature.ON_CONFLICT_TARGET,
            Feature.AGGREGATE_FILTER_CLAUSE),
            32_000, 32_767);

    /** The backend, as {@code ServiceLoader} creates it. */
    public PostgresBackend() {
        this(new PostgresOperations(FEATURES));
    }

    private PostgresBackend(PostgresOperations ops) {
        super("postgresql", List.of("jdbc:postgresql:"), FEATURES, ops, new PostgresSchemaEditor(ops));
    }

    @Override
    public List<String> shellCommand(String jdbcUrl) {
        return List.of("psql", jdbcUrl.substring("jdbc:".length()));
    }
}
