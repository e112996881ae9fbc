package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two application instances deploying at once: two separate JVMs run {@code quarry migrate} on the same
 * database at the same moment. The migration lock (PostgreSQL advisory lock, MariaDB {@code GET_LOCK},
 * SQLite's write lock) lets one apply the slow migration while the other waits, then finds nothing to do:
 * the migration runs once, is recorded once, and both processes exit 0.
 */
class MigrateTwoProcessesTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void twoProcessesMigratingAtOnceApplyTheMigrationOnce(TestDatabases.Target target) throws Exception {
        TestDatabases.Isolated db = target.create();
        try {
            List<String> lines = new ArrayList<>(Cli.shop(db, "dev.quarry.cli.shop"));
            lines.replaceAll(l -> l.startsWith("quarry.migrations.package")
                    ? "quarry.migrations.package = dev.quarry.cli.twoprocesses" : l);
            String settings = Cli.settingsFile(folder, lines.toArray(String[]::new)).toString();
            List<Process> processes = List.of(start(settings), start(settings));
            List<String> outputs = new ArrayList<>();
            for (Process p : processes) {
                assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the process finished").isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(out).isZero();
                outputs.add(out);
            }
            // One applied it; the other waited for the lock and then had nothing left to apply.
            assertThat(outputs).filteredOn(o -> o.contains("Applying shop.M0001Ledger")).hasSize(1);
            assertThat(outputs).filteredOn(o -> o.contains("No migrations to apply.")).hasSize(1);
            assertThat(Db.history(db)).containsExactly("shop.M0001Ledger");
            assertThat(Db.rows(db, "SELECT COUNT(*) FROM ledger")).containsExactly("1");
        } finally {
            db.drop();
        }
    }

    /** {@code java -cp <this test's class path> dev.quarry.cli.QuarryCli --settings FILE migrate}, as a new process. */
    private static Process start(String settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.quarry.cli.QuarryCli",
                "--settings", settings, "migrate").redirectErrorStream(true).start();
    }
}
