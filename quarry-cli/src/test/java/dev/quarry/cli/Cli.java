package dev.quarry.cli;

import dev.quarry.test.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Runs the {@code quarry} command as a user would, through picocli's {@code CommandLine.execute}, with its
 * output and exit code captured, on a properties file written for the test.
 */
final class Cli {
    /** What one run printed and returned. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {}

    /** Runs {@code quarry args...} with no terminal (as in CI: the tests have no console). */
    static Result run(String... args) {
        return runWith(null, null, args);
    }

    /** Runs {@code quarry args...} with {@code settings} given in code (or none) and {@code input} answering its questions. */
    static Result runWith(Settings settings, String input, String... args) {
        CommandLine cmd = QuarryCli.commandLine(settings, input == null ? null : new StringReader(input));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** A folder with a {@code quarry.properties} of these lines; returns the file. */
    static Path settingsFile(Path folder, String... lines) {
        try {
            Path file = folder.resolve("quarry.properties");
            Files.writeString(file, String.join("\n", lines) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a properties file reaching {@code db}, with the shop's models and migrations. */
    static List<String> shop(TestDatabases.Isolated db, String models) {
        List<String> lines = new ArrayList<>(List.of("quarry.url = " + db.url(),
                "quarry.models = " + models,
                "quarry.migrations.package = dev.quarry.cli.shop.migrations",
                "quarry.app = shop"));
        if (db.target().user() != null) {
            lines.add("quarry.user = " + db.target().user());
        }
        if (db.target().password() != null) {
            lines.add("quarry.password = " + db.target().password());
        }
        return lines;
    }

    /** A {@code quarry.properties} in {@code folder} for the shop on {@code db} with these models; returns its path. */
    static String shopSettings(Path folder, TestDatabases.Isolated db, String models) {
        return settingsFile(folder, shop(db, models).toArray(String[]::new)).toString();
    }

    /** A {@code quarry.properties} in {@code folder} for the shop without a database (commands that read none); returns its path. */
    static String offlineShopSettings(Path folder) {
        return settingsFile(folder, "quarry.models = dev.quarry.cli.shop",
                "quarry.migrations.package = dev.quarry.cli.shop.migrations", "quarry.app = shop").toString();
    }

    /** Compiles a written class against the test class path (classes under {@code folder}/classes) and loads it. */
    static Class<? extends dev.quarry.migrations.Migration> compile(Path folder, Path source, String className) throws Exception {
        Path classes = Files.createDirectories(folder.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        if (status != 0) {
            throw new AssertionError("javac " + source + " failed");
        }
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                Cli.class.getClassLoader());
        return loader.loadClass(className).asSubclass(dev.quarry.migrations.Migration.class);
    }

    static Stream<TestDatabases.Target> backends() {
        return TestDatabases.active().stream();
    }
}
