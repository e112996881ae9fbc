package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry sqlmigrate}: the SQL of a migration for a chosen backend (no database read), or for the
 * configured database's backend, forwards and backwards; and it runs nothing.
 */
class SqlMigrateCommandTest {
    @TempDir
    Path folder;

    private String offline() {
        return Cli.offlineShopSettings(folder);
    }

    @Test
    void printsTheSqlOfEachBackendWithoutADatabase() {
        Cli.Result pg = Cli.run("--settings", offline(), "sqlmigrate", "M0001Initial", "--backend", "postgresql");
        assertThat(pg.exit()).as("%s", pg).isZero();
        assertThat(pg.out()).startsWith("-- Create model Shelf\nCREATE TABLE \"shelf\" (").contains("-- Create model Bin\n")
                .contains("CREATE TABLE \"bin\" (").contains("REFERENCES \"shelf\"");
        Cli.Result maria = Cli.run("--settings", offline(), "sqlmigrate", "shop.M0001Initial", "--backend", "mariadb");
        assertThat(maria.exit()).as("%s", maria).isZero();
        assertThat(maria.out()).contains("CREATE TABLE `shelf` (").contains("CREATE TABLE `bin` (");
        Cli.Result lite = Cli.run("--settings", offline(), "sqlmigrate", "M0001", "--backend", "SQLITE");
        assertThat(lite.exit()).as("%s", lite).isZero();
        assertThat(lite.out()).contains("CREATE TABLE \"shelf\" (");
    }

    @Test
    void backwardsPrintsTheReverseSqlAndBadArgumentsAreUsageErrors() {
        Cli.Result back = Cli.run("--settings", offline(), "sqlmigrate", "M0002Stock", "--backwards", "--backend", "sqlite");
        assertThat(back.exit()).as("%s", back).isZero();
        assertThat(back.out()).isEqualTo("-- Raw SQL operation\nDELETE FROM shelf WHERE label = 'oak';\n");

        Cli.Result vendor = Cli.run("--settings", offline(), "sqlmigrate", "M0002Stock", "--backend", "oracle");
        assertThat(vendor.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(vendor.err()).contains("Invalid value for option '--backend'");
        Cli.Result missing = Cli.run("--settings", offline(), "sqlmigrate");
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Missing required parameter: 'MIGRATION'");
        Cli.Result ambiguous = Cli.run("--settings", offline(), "sqlmigrate", "M000", "--backend", "sqlite");
        assertThat(ambiguous.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("'M000' names several migrations of app 'shop': [M0001Initial, M0002Stock]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void withoutABackendItWritesForTheConfiguredDatabaseAndRunsNothing(TestDatabases.Target target) {
        TestDatabases.Isolated db = target.create();
        try {
            String settings = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            Cli.Result r = Cli.run("--settings", settings, "sqlmigrate", "M0001Initial");
            assertThat(r.exit()).as("%s", r).isZero();
            String vendor = target.vendor().equals("mysql") ? "mariadb" : target.vendor();
            assertThat(r.out()).isEqualTo(Cli.run("--settings", settings, "sqlmigrate", "M0001Initial", "--backend", vendor).out());
            assertThat(Db.columns(db, "shelf")).isEmpty();
            assertThat(Db.columns(db, "quarry_migrations")).isEmpty();
        } finally {
            db.drop();
        }
    }
}
