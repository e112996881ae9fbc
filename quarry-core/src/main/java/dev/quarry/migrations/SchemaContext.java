package dev.quarry.migrations;

import dev.quarry.Quarry;
import dev.quarry.spi.Backend;
import dev.quarry.spi.SchemaEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    private final Set<String> refused;

    private SchemaContext(Backend backend, Consumer<List<String>> sink, Quarry quarry, List<String> collected,
                          Set<String> refused) {
        this.backend = backend;
        this.sink = sink;
        this.quarry = quarry;
        this.collected = collected;
        this.refused = Set.copyOf(refused);
    }

    /**
     * Runs the statements on {@code quarry}'s database through {@code sink}, skipping the operations on the
     * models in {@code refused} (those the routers' {@code allowMigrate} keeps off this database).
     */
    static SchemaContext executing(Backend backend, Consumer<List<String>> sink, Quarry quarry, Set<String> refused) {
        return new SchemaContext(backend, sink, quarry, null, refused);
    }

    /** Collects the statements instead of running them, skipping the operations on the models in {@code refused}. */
    static SchemaContext collecting(Backend backend, Set<String> refused) {
        List<String> out = new ArrayList<>();
        return new SchemaContext(backend, out::addAll, null, out, refused);
    }

    /** Whether {@code op} changes this database: none of its models is refused here. */
    boolean allows(Operation op) {
        return op.models().stream().noneMatch(refused::contains);
    }

    /** Applies {@code op} from {@code from} to {@code to} unless the routers keep its model off this database. */
    void forwards(Operation op, ProjectState from, ProjectState to) {
        if (allows(op)) {
            op.forwards(this, from, to);
        } else {
            note("(skipped on this database: the routers' allowMigrate refuses " + op.models() + ")");
        }
    }

    /** Unapplies {@code op} ({@code from} is the state after it) unless the routers keep its model off this database. */
    void backwards(Operation op, ProjectState from, ProjectState to) {
        if (allows(op)) {
            op.backwards(this, from, to);
        } else {
            note("(skipped on this database: the routers' allowMigrate refuses " + op.models() + ")");
        }
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
