package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry flywayscripts}: a Flyway versioned script per migration ({@code V1__shop_M0001Initial.sql}) holding what
 * sqlmigrate prints, which a tool outside Quarry can run statement by statement to build the schema.
 */
class FlywayScriptsCommandTest {
    @TempDir
    Path folder;

    private String offline() {
        return Cli.offlineShopSettings(folder);
    }

    @Test
    void writesOneVersionedScriptPerMigrationWithoutADatabase() throws IOException {
        Path out = folder.resolve("flyway");
        Cli.Result r = Cli.run("--settings", offline(), "flywayscripts", "--backend", "postgresql", "--output", out.toString());
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("Wrote 2 Flyway scripts for postgresql into " + out + ":\n"
                + "  V1__shop_M0001Initial.sql\n  V2__shop_M0002Stock.sql\n");
        assertThat(Files.readString(out.resolve("V1__shop_M0001Initial.sql")))
                .isEqualTo(Cli.run("--settings", offline(), "sqlmigrate", "M0001Initial", "--backend", "postgresql").out());
        assertThat(Files.readString(out.resolve("V2__shop_M0002Stock.sql")))
                .isEqualTo("-- Raw SQL operation\nINSERT INTO shelf (label, size) VALUES ('oak', 5);\n");

        // Default folder: Flyway's classpath:db/migration, beside the source root.
        Cli.Result byDefault = Cli.run("--settings", offline(), "flywayscripts", "--backend", "sqlite");
        assertThat(byDefault.exit()).as("%s", byDefault).isZero();
        assertThat(folder.resolve("src/main/resources/db/migration/V1__shop_M0001Initial.sql")).exists();

        Cli.Result bad = Cli.run("--settings", offline(), "flywayscripts", "--backend", "oracle");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("Invalid value for option '--backend'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void theScriptsForTheConfiguredDatabaseBuildItsSchemaWhenRunInOrder(TestDatabases.Target target) throws IOException {
        TestDatabases.Isolated db = target.create();
        try {
            Path out = folder.resolve("flyway");
            Cli.Result r = Cli.run("--settings", Cli.shopSettings(folder, db, "dev.quarry.cli.shop"), "flywayscripts", "-o",
                    out.toString());
            assertThat(r.exit()).as("%s", r).isZero();
            assertThat(r.out()).startsWith("Wrote 2 Flyway scripts for " + target.vendor() + " into ");
            assertThat(Db.columns(db, "shelf")).isEmpty();

            List<Path> scripts;
            try (Stream<Path> files = Files.list(out)) {
                scripts = files.sorted().toList();
            }
            for (Path script : scripts) {    // as Flyway would: each statement in file order
                List<String> statements = new ArrayList<>();
                for (String s : Files.readString(script).split(";\n")) {
                    String sql = s.lines().filter(l -> !l.startsWith("-- ")).reduce("", (a, b) -> a + b + "\n").strip();
                    if (!sql.isEmpty()) {
                        statements.add(sql);
                    }
                }
                Db.execute(db, statements.toArray(String[]::new));
            }
            assertThat(Db.columns(db, "bin")).containsExactly("id", "code", "shelf_id");
            assertThat(Db.rows(db, "SELECT label, size FROM shelf")).containsExactly("oak|5");
            assertThat(Db.columns(db, "quarry_migrations")).isEmpty();
        } finally {
            db.drop();
        }
    }
}
