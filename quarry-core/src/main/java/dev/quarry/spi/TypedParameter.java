package dev.quarry.spi;

/**
 * A bind value with the JDBC type to bind it as ({@code PreparedStatement.setObject(i, value, sqlType)}),
 * for a backend whose driver needs it: PostgreSQL binds JSON text as {@link java.sql.Types#OTHER} so the
 * server reads it as {@code jsonb} rather than {@code varchar}.
 */
public record TypedParameter(Object value, int sqlType) {}
