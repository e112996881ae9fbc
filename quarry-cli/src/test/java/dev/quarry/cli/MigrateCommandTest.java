package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry migrate} and {@code quarry showmigrations} on every backend, through the command line: the
 * shop's two migrations (a generated initial one and an edited {@code --empty} data migration) applied,
 * listed, unapplied back to a target and to zero, faked, and checked for in a deploy script.
 */
class MigrateCommandTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void migrateAppliesEveryPendingMigrationShowingProgressAndRecordsThem(TestDatabases.Target target) {
        TestDatabases.Isolated db = target.create();
        try {
            String settings = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            Cli.Result before = Cli.run("--settings", settings, "showmigrations");
            assertThat(before.exit()).as("%s", before).isZero();
            assertThat(before.out()).isEqualTo("shop\n [ ] M0001Initial\n [ ] M0002Stock\n");

            Cli.Result check = Cli.run("--settings", settings, "migrate", "--check");
            assertThat(check.exit()).as("%s", check).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(check.out()).endsWith("2 unapplied migrations.\n");

            Cli.Result run = Cli.run("--settings", settings, "migrate");
            assertThat(run.exit()).as("%s", run).isZero();
            // A dot per operation: two CreateModels, then the one RunSql.
            assertThat(run.out()).startsWith("Operations to perform: apply all migrations of shop on default (" + target.vendor()
                    + ")\nRunning migrations:\n").containsPattern("  Applying shop\\.M0001Initial \\.\\. OK \\(\\d+ ms\\)\n")
                    .containsPattern("  Applying shop\\.M0002Stock \\. OK \\(\\d+ ms\\)\n").endsWith("Done: 2 migrations applied.\n");
            assertThat(Db.history(db)).containsExactly("shop.M0001Initial", "shop.M0002Stock");
            assertThat(Db.columns(db, "shelf")).containsExactly("id", "label", "size");
            assertThat(Db.columns(db, "bin")).containsExactly("id", "code", "shelf_id");
            assertThat(Db.rows(db, "SELECT label, size FROM shelf")).containsExactly("oak|5");

            assertThat(Cli.run("--settings", settings, "showmigrations").out())
                    .isEqualTo("shop\n [X] M0001Initial\n [X] M0002Stock\n");
            assertThat(Cli.run("--settings", settings, "migrate", "--check").exit()).isZero();
            Cli.Result again = Cli.run("--settings", settings, "migrate");
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("  No migrations to apply.\n");
            assertThat(Db.history(db)).hasSize(2);

            // Models changed since (the shop's second version): migrate says a migration is missing, as Django's does.
            String changed = Cli.shopSettings(folder, db, "dev.quarry.cli.shopv2");
            assertThat(Cli.run("--settings", changed, "migrate").out()).endsWith("  No migrations to apply.\n"
                    + "  Your models in app 'shop' have changes not yet in a migration: run quarry makemigrations, then "
                    + "migrate again.\n");
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void migrateToATargetUnappliesWhatComesAfterAndZeroUnappliesAll(TestDatabases.Target target) {
        TestDatabases.Isolated db = target.create();
        try {
            String settings = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            assertThat(Cli.run("--settings", settings, "migrate").exit()).isZero();

            Cli.Result back = Cli.run("--settings", settings, "migrate", "M0001");   // a unique prefix names M0001Initial
            assertThat(back.exit()).as("%s", back).isZero();
            assertThat(back.out()).contains("bring shop to M0001Initial").containsPattern("Unapplying shop\\.M0002Stock ")
                    .endsWith("Done: 1 migration unapplied.\n");
            assertThat(Db.history(db)).containsExactly("shop.M0001Initial");
            assertThat(Db.rows(db, "SELECT COUNT(*) FROM shelf")).containsExactly("0");

            Cli.Result zero = Cli.run("--settings", settings, "migrate", "shop", "zero");
            assertThat(zero.exit()).as("%s", zero).isZero();
            assertThat(Db.history(db)).isEmpty();
            assertThat(Db.columns(db, "shelf")).isEmpty();

            Cli.Result unknown = Cli.run("--settings", settings, "migrate", "M0009");
            assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknown.err()).contains("No migration of app 'shop' is named 'M0009'. Its migrations are: "
                    + "[M0001Initial, M0002Stock]");
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void fakeRecordsWithoutRunningAndAFailureExitsWithFour(TestDatabases.Target target) {
        TestDatabases.Isolated db = target.create();
        try {
            String settings = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            Cli.Result fake = Cli.run("--settings", settings, "migrate", "--fake", "M0001Initial");
            assertThat(fake.exit()).as("%s", fake).isZero();
            assertThat(fake.out()).contains("Applying shop.M0001Initial  FAKED\n").endsWith("1 migration applied (faked).\n");
            assertThat(Db.history(db)).containsExactly("shop.M0001Initial");
            assertThat(Db.columns(db, "shelf")).isEmpty();

            // M0002Stock inserts into a table the faked migration never made: the database refuses, the command says where.
            Cli.Result failed = Cli.run("--settings", settings, "migrate");
            assertThat(failed.exit()).as("%s", failed).isEqualTo(ExitCodes.FAILED);
            assertThat(failed.err()).contains("quarry migrate: Applying migration shop.M0002Stock")
                    .contains("at operation 1 of 1 (Raw SQL operation)");
            assertThat(Db.history(db)).containsExactly("shop.M0001Initial");
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void databaseOptionMigratesAnotherConfiguredDatabase(TestDatabases.Target target) {
        TestDatabases.Isolated main = target.create();
        TestDatabases.Isolated other = target.create();
        try {
            java.util.List<String> lines = new java.util.ArrayList<>(Cli.shop(main, "dev.quarry.cli.shop"));
            lines.add("quarry.databases.archive.url = " + other.url());
            if (target.user() != null) {
                lines.add("quarry.databases.archive.user = " + target.user());
            }
            String settings = Cli.settingsFile(folder, lines.toArray(String[]::new)).toString();
            Cli.Result run = Cli.run("--settings", settings, "migrate", "--database", "archive");
            assertThat(run.exit()).as("%s", run).isZero();
            assertThat(run.out()).contains("on archive (" + target.vendor() + ")");
            assertThat(Db.history(other)).containsExactly("shop.M0001Initial", "shop.M0002Stock");
            assertThat(Db.columns(main, "shelf")).isEmpty();

            Cli.Result unknown = Cli.run("--settings", settings, "migrate", "--database", "replica");
            assertThat(unknown.exit()).isEqualTo(ExitCodes.CONFIG);
            assertThat(unknown.err()).contains("No database named 'replica' in the settings; the databases are [default, archive]");
        } finally {
            main.drop();
            other.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void fakeInitialAdoptsTablesMadeBeforeMigrationsAndRunsTheRest(TestDatabases.Target target) {
        TestDatabases.Isolated db = target.create();
        try {
            String settings = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            // A database made before migrations: the initial migration's tables are there, no history says so.
            assertThat(Cli.run("--settings", settings, "migrate", "M0001Initial").exit()).isZero();
            Db.execute(db, "DELETE FROM quarry_migrations");

            Cli.Result plain = Cli.run("--settings", settings, "migrate");
            assertThat(plain.exit()).as("%s", plain).isEqualTo(ExitCodes.FAILED);
            assertThat(plain.err()).contains("shop.M0001Initial");
            assertThat(Db.history(db)).isEmpty();

            Cli.Result adopted = Cli.run("--settings", settings, "migrate", "--fake-initial");
            assertThat(adopted.exit()).as("%s", adopted).isZero();
            assertThat(adopted.out()).contains("(initial faked where its tables exist)")
                    .contains("  Applying shop.M0001Initial  FAKED\n")
                    .containsPattern("  Applying shop\\.M0002Stock \\. OK \\(\\d+ ms\\)\n");
            assertThat(Db.history(db)).containsExactly("shop.M0001Initial", "shop.M0002Stock");
            assertThat(Db.rows(db, "SELECT label, size FROM shelf")).containsExactly("oak|5");

            // On a database without the tables, --fake-initial runs the initial migration as usual.
            TestDatabases.Isolated fresh = target.create();
            try {
                String other = Cli.shopSettings(folder, fresh, "dev.quarry.cli.shop");
                Cli.Result run = Cli.run("--settings", other, "migrate", "--fake-initial");
                assertThat(run.exit()).as("%s", run).isZero();
                assertThat(run.out()).containsPattern("  Applying shop\\.M0001Initial \\.\\. OK");
                assertThat(Db.columns(fresh, "bin")).containsExactly("id", "code", "shelf_id");
            } finally {
                fresh.drop();
            }
        } finally {
            db.drop();
        }
    }
}
