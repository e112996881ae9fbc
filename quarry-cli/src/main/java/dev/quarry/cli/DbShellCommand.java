package dev.quarry.cli;

import dev.quarry.backend.Backends;
import dev.quarry.spi.ShellCommand;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quarry dbshell}: starts the database's own client (psql, mariadb, sqlite3) on the configured database. */
@Command(name = "dbshell", sortOptions = false, header = "Starts psql, mariadb or sqlite3 on the database.",
        description = {"Starts the database's command-line client on the configured database: psql for PostgreSQL, "
                + "mariadb for MariaDB/MySQL, sqlite3 for SQLite, with the host, port, user and database from the JDBC URL "
                + "and settings. The password goes in the client's environment (PGPASSWORD, MYSQL_PWD), not its arguments.",
            "Exits with the client's exit code, or 5 when it cannot be started."})
final class DbShellCommand extends Subcommand {
    @Mixin
    DatabaseOption database;

    @Option(names = "--print", description = "Prints the command line (and the names of the environment variables it sets) instead of running it.")
    boolean print;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        ShellCommand cmd = command(quarry.settings().database(database.name));
        if (cmd.arguments().isEmpty()) {
            err.println("quarry dbshell: the database \"" + database.name + "\" has no shell to start (an in-memory SQLite "
                    + "database, or a backend that names no client)");
            err.flush();
            return ExitCodes.NO_SHELL;
        }
        if (print) {
            out.println(cmd);
            out.flush();
            return ExitCodes.OK;
        }
        ProcessBuilder pb = new ProcessBuilder(cmd.arguments()).inheritIO();
        pb.environment().putAll(cmd.environment());
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            err.println("quarry dbshell: cannot start " + cmd.arguments().get(0) + " (" + e.getMessage() + "). Install the "
                    + "database's client and put it on the PATH");
            err.flush();
            return ExitCodes.NO_SHELL;
        }
    }

    /** The client's command line and environment for the database. */
    static ShellCommand command(Settings.DatabaseSettings d) {
        return Backends.forUrl(d.url()).shellCommand(d.url(), d.user(), d.password());
    }
}
