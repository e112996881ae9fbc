package dev.quarry.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.backend.mysql.MysqlBackend;
import dev.quarry.backend.postgresql.PostgresBackend;
import dev.quarry.backend.sqlite.SqliteBackend;
import dev.quarry.model.ModelMeta;
import dev.quarry.schema.SchemaBuilder;
import dev.quarry.spi.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column each backend's schema editor gives a JSONField (the DDL text; JsonFieldTest runs it). */
class JsonColumnTest {
    private static String ddl(Backend b) {
        return b.schemaEditor().createTable(SchemaBuilder.tables(List.of(ModelMeta.of(Document.class))).get(0)).get(0);
    }

    @Test
    void jsonbOnPostgresJsonOnMariaDbCheckedTextOnSqlite() {
        assertThat(ddl(new PostgresBackend())).contains("\"data\" jsonb NULL").contains("\"tags\" jsonb NOT NULL DEFAULT '[]'");
        assertThat(ddl(new MysqlBackend())).contains("`data` json NULL").contains("`tags` json NOT NULL DEFAULT '[]'");
        assertThat(ddl(new SqliteBackend())).contains("\"data\" text NULL CHECK (json_valid(\"data\"))")
                .contains("\"tags\" text NOT NULL DEFAULT '[]' CHECK (json_valid(\"tags\"))");
    }
}
