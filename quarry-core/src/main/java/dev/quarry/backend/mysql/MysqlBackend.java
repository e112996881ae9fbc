package dev.quarry.backend.mysql;

import dev.quarry.spi.Backend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import dev.quarry.spi.Operations;
import dev.quarry.spi.SchemaEditor;
import java.util.EnumSet;
import java.util.List;

/** MariaDB (10.5+, for RETURNING) and MySQL through MariaDB Connector/J or MySQL Connector/J. */
public final class MysqlBackend implements Backend {
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING,
            Feature.CASE_SENSITIVE_EQUALITY), 32_000, 65_535);
    private final MysqlOperations ops = new MysqlOperations(FEATURES);
    private final MysqlSchemaEditor schema = new MysqlSchemaEditor(ops);

    @Override
    public String vendor() {
        return "mysql";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:");
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
        return List.of("mariadb");
    }
}
