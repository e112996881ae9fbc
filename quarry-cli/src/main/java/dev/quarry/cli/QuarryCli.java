package dev.quarry.cli;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.QuarryException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The {@code quarry} command: {@code main} for the command line, {@link #execute(Settings, String...)} for an
 * application's own main class, and {@link #commandLine} for tests and tools that capture the output.
 *
 * <pre>{@code
 * public static void main(String[] args) {        // the application's own "manage" main
 *     System.exit(QuarryCli.execute(MySettings.settings(), args));
 * }
 * }</pre>
 */
public final class QuarryCli {
    private QuarryCli() {}

    /** Runs the command and exits with its exit code ({@link ExitCodes}). */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command on the standard streams, settings from its options; returns the exit code. */
    public static int execute(String... args) {
        return execute(null, args);
    }

    /** Runs the command with settings given in code (its {@code --settings} option is then ignored); returns the exit code. */
    public static int execute(Settings settings, String... args) {
        return commandLine(settings, null).execute(args);
    }

    /**
     * Runs the command writing to {@code out} and {@code err}, with no terminal to ask questions on (as under
     * {@code --no-input}), and classes from the thread's context class loader; returns the exit code. The
     * Maven plugin calls this.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Charset cs = Charset.defaultCharset();
        CommandLine cmd = commandLine(null, new BufferedReader(Reader.nullReader()), false);
        cmd.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, cs), true));
        cmd.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, cs), true));
        try {
            return cmd.execute(args);
        } finally {
            cmd.getOut().flush();
            cmd.getErr().flush();
        }
    }

    /**
     * The picocli command line of {@code quarry}, ready for {@code execute(args)}; set its output with
     * {@code setOut}/{@code setErr}. {@code settings} may be {@code null} (then they come from the options);
     * {@code input} answers questions (renames, one-off defaults), or is {@code null} for the standard input
     * when a console is attached (no questions otherwise).
     */
    public static CommandLine commandLine(Settings settings, Reader input) {
        return commandLine(settings, new BufferedReader(input != null ? input
                : new InputStreamReader(System.in, Charset.defaultCharset())), input != null || System.console() != null);
    }

    private static CommandLine commandLine(Settings settings, BufferedReader in, boolean interactive) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        QuarryCommand top = new QuarryCommand(new Terminal(in, interactive), settings,
                loader != null ? loader : QuarryCli.class.getClassLoader());
        CommandLine cmd = new CommandLine(top);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpAutoWidth(true);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println(line.getColorScheme().errorText("quarry " + line.getCommandName() + ": " + message(e)));
            if (top.traceback) {
                e.printStackTrace(err);
            } else if (!(e instanceof QuarryException)) {
                err.println("(run with --traceback for the stack trace)");
            }
            err.flush();
            return exitCode(e);
        });
        return cmd;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The exit code of an error: see {@link ExitCodes}. */
    static int exitCode(Throwable e) {
        if (e instanceof NeedsAnswer) {
            return ExitCodes.USAGE;
        }
        if (e instanceof ImproperlyConfigured) {
            return ExitCodes.CONFIG;
        }
        return ExitCodes.FAILED;
    }
}
