package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry loaddata}: fixtures loaded into a chosen database in one transaction, with a progress line per model and
 * fixture; a bad fixture saves nothing and says where it is wrong.
 */
class LoadDataCommandTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void loadsFixturesIntoTheNamedDatabaseShowingProgress(TestDatabases.Target target) throws Exception {
        TestDatabases.Isolated main = target.create();
        TestDatabases.Isolated archive = target.create();
        try {
            List<String> lines = new ArrayList<>(Cli.shop(main, "dev.quarry.cli.shop"));
            lines.add("quarry.databases.archive.url = " + archive.url());
            if (target.user() != null) {
                lines.add("quarry.databases.archive.user = " + target.user());
            }
            String settings = Cli.settingsFile(folder, lines.toArray(String[]::new)).toString();
            assertThat(Cli.run("--settings", settings, "migrate").exit()).isZero();
            assertThat(Cli.run("--settings", settings, "migrate", "--database", "archive", "M0001").exit()).isZero();
            // Bins first: the bin refers forward to a shelf of the next fixture, checked when the load ends.
            Path bins = Files.writeString(folder.resolve("bins.json"),
                    "[{\"model\": \"Bin\", \"pk\": 7, \"fields\": {\"code\": \"B7\", \"shelf\": 3}},"
                    + " {\"model\": \"Bin\", \"pk\": 8, \"fields\": {\"code\": \"B8\", \"shelf\": 3}}]");
            Path shelves = Files.writeString(folder.resolve("shelves.json"),
                    "[{\"model\": \"shop.shelf\", \"pk\": 3, \"fields\": {\"label\": \"pine\", \"size\": 4}}]");

            Cli.Result r = Cli.run("--settings", settings, "loaddata", bins.toString(), shelves.toString(), "--database", "archive");
            assertThat(r.exit()).as("%s", r).isZero();
            assertThat(r.out()).isEqualTo("Loading 2 fixtures into database 'archive' (" + target.vendor() + ")\n"
                    + "  bins.json: 2/3 objects\n  shelves.json: 3/3 objects\nInstalled 3 object(s) from 2 fixture(s).\n");
            assertThat(Db.rows(archive, "SELECT id, code, shelf_id FROM bin ORDER BY id")).containsExactly("7|B7|3", "8|B8|3");
            assertThat(Db.rows(archive, "SELECT id, label, size FROM shelf")).containsExactly("3|pine|4");
            assertThat(Db.rows(main, "SELECT COUNT(*) FROM bin")).containsExactly("0");

            // What dumpdata writes, loaddata reads: the main database's rows copied to the archive.
            Path dump = folder.resolve("dump.json");
            assertThat(Cli.run("--settings", settings, "dumpdata", "-o", dump.toString()).exit()).isZero();
            assertThat(Cli.run("--settings", settings, "loaddata", dump.toString(), "--database", "archive").exit()).isZero();
            assertThat(Db.rows(archive, "SELECT id, label FROM shelf ORDER BY id")).containsExactly("1|oak", "3|pine");
        } finally {
            main.drop();
            archive.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void aBadFixtureSavesNothingAndAMissingFileIsAUsageError(TestDatabases.Target target) throws Exception {
        TestDatabases.Isolated db = target.create();
        try {
            String settings = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            assertThat(Cli.run("--settings", settings, "migrate", "M0001").exit()).isZero();
            Path bad = Files.writeString(folder.resolve("bad.json"),
                    "[{\"model\": \"Shelf\", \"pk\": 1, \"fields\": {\"label\": \"elm\", \"size\": 2}},"
                    + " {\"model\": \"Bin\", \"pk\": 1, \"fields\": {\"code\": \"X\", \"shelf\": 99}}]");
            Cli.Result r = Cli.run("--settings", settings, "loaddata", bad.toString());
            assertThat(r.exit()).as("%s", r).isEqualTo(ExitCodes.FAILED);
            assertThat(r.err()).contains("quarry loaddata: ");
            assertThat(Db.rows(db, "SELECT COUNT(*) FROM shelf")).containsExactly("0");

            Cli.Result missing = Cli.run("--settings", settings, "loaddata", "nowhere.json");
            assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(missing.err()).contains("No fixture file [nowhere.json]");
        } finally {
            db.drop();
        }
    }
}
