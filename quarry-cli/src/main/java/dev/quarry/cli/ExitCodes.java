package dev.quarry.cli;

/** The exit codes of the {@code quarry} command (docs/commands.md lists them). */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** A check failed: {@code makemigrations --check} found model changes without a migration, {@code migrate --check} found unapplied migrations, or {@code check} found problems. */
    public static final int CHECK_FAILED = 1;
    /** A usage error: an unknown option, a missing argument, or a question that needs an answer under {@code --no-input}. */
    public static final int USAGE = 2;
    /** The settings are missing or wrong (no properties file, an unknown class or database, no models). */
    public static final int CONFIG = 3;
    /** The database or a migration failed; the message says where it stopped. */
    public static final int FAILED = 4;
    /** {@code dbshell} could not start the database's client (not installed, or no shell for the URL). */
    public static final int NO_SHELL = 5;

    private ExitCodes() {}
}
