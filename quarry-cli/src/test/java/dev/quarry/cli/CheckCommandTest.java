package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry check}: every start-up problem of the models at once, and a clean bill for good models. */
class CheckCommandTest {
    @TempDir
    Path folder;

    @Test
    void goodModelsAndMigrationsHaveNoIssues() {
        Cli.Result r = Cli.run("--settings", Cli.settingsFile(folder, "quarry.models = dev.quarry.cli.shop",
                "quarry.migrations.package = dev.quarry.cli.shop.migrations").toString(), "check");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("System check identified no issues (2 models, 2 migrations).\n");
    }

    @Test
    void everyProblemIsReportedAtOnceNotJustTheFirst() {
        // Building a Quarry of these models stops at the first problem; check lists all four.
        Cli.Result r = Cli.run("--settings", Cli.settingsFile(folder, "quarry.models = dev.quarry.cli.broken",
                "quarry.url = jdbc:sqlite::memory:").toString(), "check");
        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(r.out()).startsWith("System check identified 4 issues:\n")
                .contains("  - Loose.note is a public field without a Quarry annotation")
                .contains("  - Field name 'code_' of Pallet would make lookups ambiguous")
                .contains("  - Reverse accessor 'crates' on Pallet is claimed by both Crate.pallet and Crate.spare")
                .contains("  - Reverse query name 'crates' on Pallet is claimed by both Crate.pallet and Crate.spare");
    }
}
