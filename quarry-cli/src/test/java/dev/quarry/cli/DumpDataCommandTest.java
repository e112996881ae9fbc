package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry dumpdata}: the shop's rows as a Django JSON fixture, shelves before the bins that refer to them, printed
 * or written to a file, for chosen models, without excluded ones, indented, and named as Django names them.
 */
class DumpDataCommandTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void dumpsTheRowsInDependencyOrderForTheChosenModels(TestDatabases.Target target) throws Exception {
        TestDatabases.Isolated db = target.create();
        try {
            String settings = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            assertThat(Cli.run("--settings", settings, "migrate").exit()).isZero();   // M0002Stock adds shelf 1, oak
            Db.execute(db, "INSERT INTO bin (code, shelf_id) VALUES ('A1', 1)", "INSERT INTO bin (code, shelf_id) VALUES ('A2', 1)");

            Cli.Result all = Cli.run("--settings", settings, "dumpdata");
            assertThat(all.exit()).as("%s", all).isZero();
            assertThat(all.out()).isEqualTo("[{\"model\": \"Shelf\", \"pk\": 1, \"fields\": {\"label\": \"oak\", \"size\": 5}}, "
                    + "{\"model\": \"Bin\", \"pk\": 1, \"fields\": {\"code\": \"A1\", \"shelf\": 1}}, "
                    + "{\"model\": \"Bin\", \"pk\": 2, \"fields\": {\"code\": \"A2\", \"shelf\": 1}}]\n");

            Cli.Result shelves = Cli.run("--settings", settings, "dumpdata", "--exclude", "Bin", "--indent", "2",
                    "--app-label", "shop");
            assertThat(shelves.exit()).as("%s", shelves).isZero();
            assertThat(shelves.out()).isEqualTo("[\n{\n  \"model\": \"shop.shelf\",\n  \"pk\": 1,\n  \"fields\": {\n    \"label\": \"oak\",\n"
                    + "    \"size\": 5\n  }\n}\n]\n");   // Django's layout for --indent 2

            Path file = folder.resolve("bins.json");
            Cli.Result bins = Cli.run("--settings", settings, "dumpdata", "Bin", "-o", file.toString());
            assertThat(bins.exit()).as("%s", bins).isZero();
            assertThat(bins.out()).isEqualTo("Dumped 2 object(s) from database 'default' to " + file + "\n");
            assertThat(Files.readString(file)).contains("\"A1\"").contains("\"A2\"").doesNotContain("oak");

            Cli.Result unknown = Cli.run("--settings", settings, "dumpdata", "Crate");
            assertThat(unknown.exit()).as("%s", unknown).isEqualTo(ExitCodes.FAILED);
            assertThat(unknown.err()).contains("Crate");
        } finally {
            db.drop();
        }
    }
}
