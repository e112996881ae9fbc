package dev.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.backend.mysql.MysqlBackend;
import dev.quarry.backend.postgresql.PostgresBackend;
import dev.quarry.backend.sqlite.SqliteBackend;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.Backend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The column each backend's schema editor gives each field type (no database needed: the DDL text).
 * The matrix tests of each type show that the columns hold and compare the values.
 */
class ColumnTypesTest {
    private static final List<Backend> BACKENDS = List.of(new SqliteBackend(), new PostgresBackend(), new MysqlBackend());

    /** Column name to the definition text after the quoted name, per backend, in sqlite/postgresql/mysql order. */
    private static Map<String, List<String>> columns(Class<?> model) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Backend b : BACKENDS) {
            String ddl = b.schemaEditor().createTable(SchemaBuilder.tables(List.of(ModelMeta.of(model))).get(0)).get(0);
            String body = ddl.substring(ddl.indexOf('(') + 1, ddl.lastIndexOf(')'));
            for (String part : body.split(", (?=[\"`])")) {
                String name = part.substring(1, part.indexOf(part.charAt(0), 1));
                out.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(part.substring(name.length() + 3));
            }
        }
        return out;
    }

    @Test
    void enumsAndTimeTypesGetTheirColumnOnEachBackend() {
        Map<String, List<String>> c = columns(Typed.class);
        assertThat(c.get("by_name")).containsExactly("varchar(12) NOT NULL DEFAULT 'MICROS'",
                "varchar(12) NOT NULL DEFAULT 'MICROS'", "varchar(12) NOT NULL DEFAULT 'MICROS'");
        assertThat(c.get("by_ordinal")).containsExactly("integer NOT NULL DEFAULT 2", "integer NOT NULL DEFAULT 2",
                "integer NOT NULL DEFAULT 2");
        assertThat(c.get("instant")).containsExactly("datetime NOT NULL", "timestamp with time zone NOT NULL",
                "datetime(6) NOT NULL");
        assertThat(c.get("offset")).isEqualTo(c.get("instant"));
        assertThat(c.get("zoned")).isEqualTo(c.get("instant"));
        assertThat(c.get("local")).containsExactly("datetime NOT NULL", "timestamp NOT NULL", "datetime(6) NOT NULL");
        assertThat(c.get("time")).containsExactly("time NOT NULL", "time NOT NULL", "time(6) NOT NULL");
        assertThat(c.get("duration")).containsExactly("bigint NOT NULL", "bigint NOT NULL", "bigint NOT NULL");
    }

    @Test
    void binaryAndTextFormatsGetTheirColumnOnEachBackend() {
        Map<String, List<String>> c = columns(Typed.class);
        assertThat(c.get("bytes")).containsExactly("blob NOT NULL", "bytea NOT NULL", "longblob NOT NULL");
        assertThat(c.get("email")).containsOnly("varchar(254) NOT NULL");
        assertThat(c.get("url")).containsOnly("varchar(200) NOT NULL");
        assertThat(c.get("slug")).containsOnly("varchar(50) NOT NULL");
        assertThat(c.get("ip")).containsOnly("varchar(39) NOT NULL");
        // A slug is indexed by default, as in Django.
        for (Backend b : BACKENDS) {
            assertThat(b.schemaEditor().createTable(SchemaBuilder.tables(List.of(ModelMeta.of(Typed.class))).get(0)))
                    .anyMatch(s -> s.startsWith("CREATE INDEX") && s.contains("typed_slug_idx"));
        }
    }

    @Test
    void databaseDefaultsAndCollationsGoIntoTheColumnDefinition() {
        Map<String, List<String>> c = columns(dev.quarry.dbfeatures.Ticket.class);
        assertThat(c.get("priority")).containsOnly("integer NOT NULL DEFAULT 5");
        assertThat(c.get("status")).containsOnly("varchar(10) NOT NULL DEFAULT 'new'");
        assertThat(c.get("created")).containsExactly(
                "datetime NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))",
                "timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP",
                "datetime(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))");
        // A computed default (Django's callable default) never reaches the schema: django_db_features.py "ddl default None".
        assertThat(c.get("number")).containsOnly("integer NOT NULL");
        assertThat(columns(dev.quarry.dbfeatures.CollationTest.NocaseSqlite.class).get("text"))
                .containsExactly("varchar(20) COLLATE \"NOCASE\" NOT NULL", "varchar(20) COLLATE \"NOCASE\" NOT NULL",
                        "varchar(20) COLLATE NOCASE NOT NULL");
    }

    @Test
    void arraysGetAnArrayOfTheirElementTypeOnPostgres() {
        String ddl = new PostgresBackend().schemaEditor().createTable(SchemaBuilder.tables(
                List.of(ModelMeta.of(dev.quarry.arrays.Post.class))).get(0)).get(0);
        assertThat(ddl).contains("\"tags\" varchar(16)[] NOT NULL", "\"scores\" integer[] NULL",
                "\"dates\" date[3] NULL", "\"prices\" numeric[] NULL", "\"refs\" uuid[] NULL");
    }
}
