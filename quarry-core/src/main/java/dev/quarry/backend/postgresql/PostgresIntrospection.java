package dev.quarry.backend.postgresql;

import dev.quarry.backend.BaseIntrospection;

/** PostgreSQL's current schema through the driver's metadata; {@code serial} and identity keys auto-increment. */
final class PostgresIntrospection extends BaseIntrospection {
    @Override
    protected boolean autoKey(String typeName) {
        return typeName.equals("serial") || typeName.equals("bigserial");
    }
}
