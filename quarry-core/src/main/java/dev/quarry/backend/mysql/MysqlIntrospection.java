package dev.quarry.backend.mysql;

import dev.quarry.backend.BaseIntrospection;
import dev.quarry.spi.FieldType;
import java.sql.Connection;

/** MariaDB's current database through the driver's metadata; {@code tinyint(1)} is a boolean, as MariaDB's {@code bool} is. */
final class MysqlIntrospection extends BaseIntrospection {
    /** MariaDB has databases, not schemas: the connection's database is the catalog, and any schema matches. */
    @Override
    protected String schema(Connection c) {
        return null;
    }

    @Override
    protected FieldType fieldType(String typeName, int jdbcType, int size) {
        if (typeName.equals("tinyint")) {
            return size == 1 ? FieldType.BOOLEAN : FieldType.SMALLINT;
        }
        return super.fieldType(typeName, jdbcType, size);
    }
}
