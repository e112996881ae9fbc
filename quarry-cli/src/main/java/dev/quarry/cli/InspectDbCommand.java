package dev.quarry.cli;

import com.palantir.javapoet.JavaFile;
import dev.quarry.DatabaseError;
import dev.quarry.migrations.writer.InspectDb;
import dev.quarry.spi.Introspection.TableInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry inspectdb [TABLE...]}: reads an existing database's schema and prints (or writes) a Quarry model class per
 * table (Django's {@code inspectdb}); needs no models.
 */
@Command(name = "inspectdb", sortOptions = false, header = "Writes model classes from an existing database's tables.",
        description = {"Reads the tables of the database (PostgreSQL, MariaDB or SQLite) and prints a model class per table: "
                + "fields with their types, lengths and NULL, foreign keys as Ref<Target> (onDelete DO_NOTHING, as Django "
                + "writes them), unique, indexes and uniqueTogether. With --output, writes them as files under that source "
                + "root instead. Review them before use. Needs no models in the settings.",
            "Quarry's own history table, quarry_migrations, is left out. A properties file still names quarry.models (any package); "
                + "settings given in code need none."},
        footer = {"%nExamples:", "  quarry inspectdb > Legacy.java.txt",
            "  quarry inspectdb --package com.example.legacy --output src/main/java",
            "  quarry inspectdb author book --package com.example.legacy"})
final class InspectDbCommand extends Subcommand {
    /** Quarry's migration history, never a model of the application. */
    private static final String HISTORY = "quarry_migrations";

    @Parameters(arity = "0..*", paramLabel = "TABLE", description = "Only these tables (default: every table).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--package", paramLabel = "PACKAGE",
            description = "The package of the classes (required with --output; printed classes default to no package).")
    String packageName;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Writes each class as a file under this source root (src/main/java) instead of printing them.")
    Path output;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        if (output != null && packageName == null) {
            throw new NeedsAnswer("inspectdb --output needs --package PACKAGE: the package of the classes it writes under "
                    + output);
        }
        Settings.DatabaseSettings d = quarry.settings().database(database.name);
        List<TableInfo> read = read(d);
        List<TableInfo> chosen = new ArrayList<>();
        for (TableInfo t : read) {
            if (tables.isEmpty() ? !t.name().equalsIgnoreCase(HISTORY) : tables.stream().anyMatch(t.name()::equalsIgnoreCase)) {
                chosen.add(t);
            }
        }
        List<String> missing = tables.stream().filter(n -> read.stream().noneMatch(t -> t.name().equalsIgnoreCase(n))).toList();
        if (!missing.isEmpty()) {
            throw new NeedsAnswer("No table named " + missing + " in database '" + database.name + "'. Its tables are: "
                    + read.stream().map(TableInfo::name).toList());
        }
        List<JavaFile> files = InspectDb.write(chosen, packageName == null ? "" : packageName);
        PrintWriter out = out();
        if (output == null) {
            for (JavaFile f : files) {
                out.println("// " + f.typeSpec().name() + ".java");
                out.print(InspectDb.source(f));
                out.println();
            }
        } else {
            List<Path> written = InspectDb.writeTo(output, files);
            out.println("Wrote " + written.size() + " model class" + (written.size() == 1 ? "" : "es") + " from database '"
                    + database.name + "':");
            written.forEach(p -> out.println("  " + p));
            out.println("Review them (relation names, on-delete rules), then add their package to quarry.models.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<TableInfo> read(Settings.DatabaseSettings d) {
        Properties p = new Properties();
        if (d.user() != null) {
            p.setProperty("user", d.user());
        }
        if (d.password() != null) {
            p.setProperty("password", d.password());
        }
        try (Connection c = DriverManager.getConnection(d.url(), p)) {
            return InspectDb.read(c);
        } catch (SQLException e) {
            throw new DatabaseError("inspectdb could not connect to " + d + ": " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), null, e);
        }
    }
}
