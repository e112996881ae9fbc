package dev.quarry.migrations;

import dev.quarry.Quarry;
import dev.quarry.spi.Backend;
import dev.quarry.spi.SchemaEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where operations send their schema changes: to a database (the Migrator) or to a list of statements
 * ({@code sqlMigrate}), with the backend whose schema editor writes them.
 */
final class SchemaContext {
    private final Backend backend;
    private final Consumer<List<String>> sink;
    private final Quarry quarry;
    private final List<String> collected;

    private SchemaContext(Backend backend, Consumer<List<String>> sink, Quarry quarry, List<String> collected) {
        this.backend = backend;
        this.sink = sink;
        this.quarry = quarry;
        this.collected = collected;
    }

    /** Runs the statements on {@code quarry}'s database through {@code sink}. */
    static SchemaContext executing(Backend backend, Consumer<List<String>> sink, Quarry quarry) {
        return new SchemaContext(backend, sink, quarry, null);
    }

    /** Collects the statements instead of running them. */
    static SchemaContext collecting(Backend backend) {
        List<String> out = new ArrayList<>();
        return new SchemaContext(backend, out::addAll, null, out);
    }

    SchemaEditor editor() {
        return backend.schemaEditor();
    }

    Backend backend() {
        return backend;
    }

    /** Runs (or collects) the statements, in order. */
    void run(List<String> statements) {
        if (!statements.isEmpty()) {
            sink.accept(statements);
        }
    }

    /** Runs Java code; when collecting, notes it as a comment as Django's sqlmigrate does for RunPython. */
    void runJava(MigrationStep step, String description) {
        if (collected != null) {
            collected.add("-- " + description + ": Java code, not SQL");
        } else {
            step.run(quarry);
        }
    }

    /** Notes a comment among the collected statements ({@code -- Add field isbn to Book}); nothing when executing. */
    void note(String text) {
        if (collected != null) {
            collected.add("-- " + text);
        }
    }

    /** The statements collected so far. */
    List<String> collected() {
        return collected == null ? List.of() : List.copyOf(collected);
    }
}
