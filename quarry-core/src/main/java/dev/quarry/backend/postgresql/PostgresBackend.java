package dev.quarry.backend.postgresql;

import dev.quarry.spi.Backend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import dev.quarry.spi.Operations;
import dev.quarry.spi.SchemaEditor;
import java.util.EnumSet;
import java.util.List;

/** PostgreSQL through pgjdbc. */
public final class PostgresBackend implements Backend {
    // pgjdbc binds at most 65535 parameters (an unsigned 16-bit count); stay under the signed limit.
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING, Feature.NULLS_ORDERING,
            Feature.ILIKE, Feature.TRANSACTIONAL_DDL, Feature.GROUP_BY_SELECTED_PK, Feature.CASE_SENSITIVE_EQUALITY),
            32_000, 32_767);
    private final PostgresOperations ops = new PostgresOperations(FEATURES);
    private final PostgresSchemaEditor schema = new PostgresSchemaEditor(ops);

    @Override
    public String vendor() {
        return "postgresql";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public Features features() {
        return FEATURES;
    }

    @Override
    public Operations operations() {
        return ops;
    }

    @Override
    public SchemaEditor schemaEditor() {
        return schema;
    }

    @Override
    public List<String> shellCommand(String jdbcUrl) {
        return List.of("psql", jdbcUrl.substring("jdbc:".length()));
    }
}
