package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.fixtures.DumpOptions;
import dev.quarry.fixtures.Fixtures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry dumpdata [MODEL...]}: writes the rows of the models as a JSON fixture in Django's format (Django's
 * {@code dumpdata}), to the standard output or a file; docs/fixtures.md.
 */
@Command(name = "dumpdata", sortOptions = false, header = "Writes the database's rows as a JSON fixture.",
        description = {"Prints the rows of every model (or of each MODEL named) as a JSON fixture in Django's format, models "
                + "in dependency order (each after the models it refers to), rows by key; loaddata reads it back.",
            "Models are named by label (Book), Django's app.model (library.book) or class name; the models a named model "
                + "refers to are not added, name them too."},
        footer = {"%nExamples:", "  quarry dumpdata --indent 2 -o fixtures/library.json", "  quarry dumpdata Author Book",
            "  quarry dumpdata --exclude Review --app-label library   # loadable by Django too"})
final class DumpDataCommand extends Subcommand {
    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "Only these models (default: every model).")
    List<String> models = new ArrayList<>();

    @Option(names = {"-e", "--exclude"}, paramLabel = "MODEL", description = "Leaves this model out. Repeatable.")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--indent", paramLabel = "N", defaultValue = "0",
            description = "Pretty-prints with N spaces per level (default: one line).")
    int indent;

    @Option(names = "--app-label", paramLabel = "APP",
            description = "Names models as Django does, APP.modelname (library.book), so Django can load the fixture.")
    String appLabel;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Writes the fixture to FILE (UTF-8, replaced) instead of printing it.")
    Path output;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        if (indent < 0) {
            throw new NeedsAnswer("--indent is a number of spaces, 0 or more, not " + indent);
        }
        DumpOptions options = DumpOptions.defaults().withDatabase(database.name).withIndent(indent)
                .withModels(models.toArray(String[]::new)).withExcluded(excluded.toArray(String[]::new));
        if (appLabel != null) {
            options = options.withAppLabel(appLabel);
        }
        PrintWriter out = out();
        try (Quarry db = quarry.quarryOfAll(database.name)) {
            if (output == null) {
                LastChar tracked = new LastChar(out);
                Fixtures.dump(db, tracked, options);
                if (tracked.last != '\n') {
                    out.println();
                }
            } else {
                int n = Fixtures.dump(db, output, options);
                out.println("Dumped " + n + " object(s) from database '" + database.name + "' to " + output);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Passes the fixture through to the output (streamed, however large), remembering its last character. */
    private static final class LastChar extends java.io.FilterWriter {
        private int last = -1;

        LastChar(java.io.Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws java.io.IOException {
            super.write(c);
            last = c;
        }

        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
            super.write(buf, off, len);
            if (len > 0) {
                last = buf[off + len - 1];
            }
        }

        @Override
        public void write(String str, int off, int len) throws java.io.IOException {
            super.write(str, off, len);
            if (len > 0) {
                last = str.charAt(off + len - 1);
            }
        }
    }
}
