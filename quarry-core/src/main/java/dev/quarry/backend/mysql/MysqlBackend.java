package dev.quarry.backend.mysql;

import dev.quarry.backend.BaseBackend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.util.EnumSet;
import java.util.List;

/** MariaDB (10.5+, for RETURNING) and MySQL through MariaDB Connector/J or MySQL Connector/J. */
public final class MysqlBackend extends BaseBackend {
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING,
            Feature.CASE_SENSITIVE_EQUALITY), 32_000, 65_535);

    /** The backend, as {@code ServiceLoader} creates it. */
    public MysqlBackend() {
        this(new MysqlOperations(FEATURES));
    }

    private MysqlBackend(MysqlOperations ops) {
        super("mysql", List.of("jdbc:mariadb:", "jdbc:mysql:"), FEATURES, ops, new MysqlSchemaEditor(ops));
    }

    @Override
    public List<String> shellCommand(String jdbcUrl) {
        return List.of("mariadb");
    }
}
