package dev.quarry.backend;

import dev.quarry.spi.FieldType;
import dev.quarry.spi.Introspection;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Introspection through the driver's {@link DatabaseMetaData}, which all three drivers answer: tables,
 * columns, primary keys, imported keys and index information of the connection's current catalog and
 * schema. Each backend maps its type names ({@link #fieldType}) and says which tables are its own.
 */
public abstract class BaseIntrospection implements Introspection {
    /** For subclasses. */
    protected BaseIntrospection() {}

    /** The catalog to read ({@code null}: any), by default the connection's. */
    protected String catalog(Connection c) throws SQLException {
        return c.getCatalog();
    }

    /** The schema to read ({@code null}: any), by default the connection's. */
    protected String schema(Connection c) throws SQLException {
        return c.getSchema();
    }

    /** Whether the table is the database's own ({@code sqlite_sequence}) and not inspected. */
    protected boolean internal(String table) {
        return false;
    }

    /**
     * The field type of a column of type {@code typeName} (lower-cased, without a size) and JDBC type
     * {@code jdbcType} with the driver's column {@code size}, or {@code null} when unknown.
     */
    protected FieldType fieldType(String typeName, int jdbcType, int size) {
        return switch (typeName) {
            case "integer", "int", "int4", "serial", "mediumint" -> FieldType.INTEGER;
            case "bigint", "int8", "bigserial" -> FieldType.BIGINT;
            case "smallint", "int2", "smallserial" -> FieldType.SMALLINT;
            case "varchar", "character varying", "nvarchar", "char", "character", "bpchar" -> FieldType.CHAR;
            case "text", "longtext", "mediumtext", "tinytext", "clob" -> FieldType.TEXT;
            case "bool", "boolean", "bit" -> FieldType.BOOLEAN;
            case "real", "float", "double", "double precision", "float4", "float8" -> FieldType.FLOAT;
            case "decimal", "numeric" -> FieldType.DECIMAL;
            case "date" -> FieldType.DATE;
            case "datetime", "timestamp", "timestamptz", "timestamp with time zone" -> FieldType.DATETIME;
            case "time", "time without time zone" -> FieldType.TIME;
            case "uuid" -> FieldType.UUID;
            case "blob", "bytea", "longblob", "varbinary", "binary" -> FieldType.BINARY;
            case "json", "jsonb" -> FieldType.JSON;
            default -> byJdbcType(jdbcType);
        };
    }

    private static FieldType byJdbcType(int jdbcType) {
        return switch (jdbcType) {
            case Types.INTEGER -> FieldType.INTEGER;
            case Types.BIGINT -> FieldType.BIGINT;
            case Types.SMALLINT, Types.TINYINT -> FieldType.SMALLINT;
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR -> FieldType.CHAR;
            case Types.BOOLEAN, Types.BIT -> FieldType.BOOLEAN;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FieldType.FLOAT;
            case Types.DECIMAL, Types.NUMERIC -> FieldType.DECIMAL;
            case Types.DATE -> FieldType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> FieldType.DATETIME;
            case Types.TIME -> FieldType.TIME;
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> FieldType.BINARY;
            default -> null;
        };
    }

    @Override
    public List<TableInfo> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = catalog(c);
        String schema = schema(c);
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!internal(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        List<TableInfo> out = new ArrayList<>();
        for (String t : names) {
            out.add(table(md, catalog, schema, t));
        }
        return out;
    }

    private TableInfo table(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        List<String> pk = new ArrayList<>();
        Map<Integer, String> pkBySeq = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                pkBySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        pk.addAll(pkBySeq.values());
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table, null)) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                columns.add(column(rs, pk));
            }
        }
        List<ForeignKeyInfo> fks = new ArrayList<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                if (rs.getInt("KEY_SEQ") == 1) {
                    fks.add(new ForeignKeyInfo(rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"),
                            rs.getString("PKCOLUMN_NAME")));
                }
            }
        }
        Map<String, List<String>> unique = new LinkedHashMap<>();
        Map<String, List<String>> plain = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || column == null) {
                    continue;
                }
                (rs.getBoolean("NON_UNIQUE") ? plain : unique).computeIfAbsent(index, k -> new ArrayList<>()).add(column);
            }
        }
        List<List<String>> uniques = unique.values().stream().filter(cols -> !cols.equals(pk)).distinct().toList();
        return new TableInfo(table, columns, pk, fks, uniques, plain.values().stream().distinct().toList());
    }

    private ColumnInfo column(ResultSet rs, List<String> pk) throws SQLException {
        String name = rs.getString("COLUMN_NAME");
        String rawType = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        int paren = rawType.indexOf('(');
        String typeName = (paren < 0 ? rawType : rawType.substring(0, paren)).replace(" unsigned", "").trim();
        int jdbcType = rs.getInt("DATA_TYPE");
        int size = rs.getInt("COLUMN_SIZE");
        int digits = rs.getInt("DECIMAL_DIGITS");
        boolean nullable = rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable;
        boolean auto = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
        if (paren > 0 && size == 0) {
            String inside = rawType.substring(paren + 1, rawType.indexOf(')', paren)).split(",")[0].trim();
            size = inside.matches("\\d+") ? Integer.parseInt(inside) : 0;
        }
        FieldType type = fieldType(typeName, jdbcType, size);
        boolean guessed = type == null;
        if (guessed) {
            type = FieldType.TEXT;
        }
        if (pk.size() == 1 && pk.get(0).equals(name) && (type == FieldType.INTEGER || type == FieldType.BIGINT)
                && (auto || autoKey(typeName))) {
            type = FieldType.AUTO;
        }
        return new ColumnInfo(name, type, typeName, type == FieldType.CHAR ? size : 0,
                type == FieldType.DECIMAL ? precision(size, digits) : 0, type == FieldType.DECIMAL ? digits : 0, nullable,
                guessed);
    }

    /** A decimal column's precision from the driver's column size and decimal digits: the size, by default. */
    protected int precision(int columnSize, int decimalDigits) {
        return columnSize;
    }

    /** Whether a primary key of this type generates its values where the driver does not say so (SQLite's integer key). */
    protected boolean autoKey(String typeName) {
        return false;
    }
}
