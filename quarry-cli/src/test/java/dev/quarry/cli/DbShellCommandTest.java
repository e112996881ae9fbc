package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.spi.ShellCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry dbshell}: the client's command line built from the JDBC URL and settings for each backend
 * (the interactive client itself is not started here), with the password in its environment only.
 */
class DbShellCommandTest {
    @TempDir
    Path folder;

    private static ShellCommand shell(String url, String user, String password) {
        return DbShellCommand.command(new Settings.DatabaseSettings(url, user, password));
    }

    @Test
    void postgresqlGetsPsqlWithHostPortUserDatabaseAndTheSchemaAsSearchPath() {
        ShellCommand c = shell("jdbc:postgresql://db.example:6543/library?currentSchema=shop&sslmode=require", "app", "s3cret");
        assertThat(c.arguments()).containsExactly("psql", "-h", "db.example", "-p", "6543", "-U", "app", "-d", "library");
        assertThat(c.environment()).isEqualTo(Map.of("PGPASSWORD", "s3cret", "PGOPTIONS", "-c search_path=shop",
                "PGSSLMODE", "require"));
        // The user and password may come from the URL; a URL without a port leaves it to psql.
        ShellCommand fromUrl = shell("jdbc:postgresql://localhost/library?user=u&password=p", null, null);
        assertThat(fromUrl.arguments()).containsExactly("psql", "-h", "localhost", "-U", "u", "-d", "library");
        assertThat(fromUrl.environment()).containsEntry("PGPASSWORD", "p");
    }

    @Test
    void mariadbGetsTheMariadbClientWithThePasswordInItsEnvironment() {
        ShellCommand c = shell("jdbc:mariadb://127.0.0.1:3307/library?useSsl=false", "root", "pw");
        assertThat(c.arguments()).containsExactly("mariadb", "--host=127.0.0.1", "--port=3307", "--user=root", "library");
        assertThat(c.environment()).isEqualTo(Map.of("MYSQL_PWD", "pw"));
        assertThat(shell("jdbc:mysql://dbhost/shop", null, null).arguments()).containsExactly("mariadb", "--host=dbhost", "shop");
        assertThat(shell("jdbc:mysql://dbhost/shop", null, null).environment()).isEmpty();
    }

    @Test
    void sqliteGetsSqlite3OnTheFileAndAnInMemoryDatabaseHasNoShell() {
        assertThat(shell("jdbc:sqlite:/var/data/library.db?journal_mode=WAL", null, null).arguments())
                .containsExactly("sqlite3", "/var/data/library.db");
        assertThat(shell("jdbc:sqlite::memory:", null, null).arguments()).isEmpty();

        Cli.Result memory = Cli.run("--settings", Cli.settingsFile(folder, "quarry.models = dev.quarry.cli.shop",
                "quarry.url = jdbc:sqlite::memory:").toString(), "dbshell");
        assertThat(memory.exit()).isEqualTo(ExitCodes.NO_SHELL);
        assertThat(memory.err()).contains("has no shell to start");
    }

    @Test
    void printShowsTheCommandAndOnlyTheNamesOfItsEnvironmentVariables() {
        Cli.Result r = Cli.run("--settings", Cli.settingsFile(folder, "quarry.models = dev.quarry.cli.shop",
                "quarry.url = jdbc:postgresql://127.0.0.1:5432/library", "quarry.user = app", "quarry.password = s3cret").toString(),
                "dbshell", "--print");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("psql -h 127.0.0.1 -p 5432 -U app -d library (environment: [PGPASSWORD])\n");
        assertThat(r.out()).doesNotContain("s3cret");
        assertThat(List.of(r.err())).containsExactly("");
    }
}
