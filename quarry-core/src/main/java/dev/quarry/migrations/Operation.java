package dev.quarry.migrations;

import java.util.List;
import java.util.Objects;

/**
 * One change a migration makes (Django's {@code migrations.operations}): it knows its effect on the
 * models' state, the schema change it makes forwards and backwards on each database, and whether it
 * can be reversed. Created by the static factories here; immutable.
 *
 * <pre>{@code
 * Operation.addField("Book", FieldState.charField("isbn", 13).withDefault(""))
 * Operation.renameField("Book", "title", "name")
 * Operation.runSql("UPDATE book SET isbn = ''", "")      // "" reverses to nothing
 * }</pre>
 */
public abstract class Operation {
    private final String factory;
    private final List<Object> arguments;

    /** An operation made by the factory {@code factory} with these arguments. */
    Operation(String factory, Object... arguments) {
        this.factory = factory;
        this.arguments = List.of(arguments);
    }

    /**
     * The name of the static factory of this class that makes this operation ({@code addField}): with
     * {@link #arguments()}, the call {@code makemigrations} writes.
     */
    public String factory() {
        return factory;
    }

    /**
     * The arguments of {@link #factory()}, in order: model and field names ({@code String}), states
     * ({@link FieldState}, {@link ModelState}, {@link ManyToManyState}, {@link IndexState}, {@link CheckState}), SQL
     * ({@code String} or {@code List<String>}), sets of field names ({@code List<List<String>>}), or Java steps ({@link MigrationStep}, which no writer can write).
     */
    public List<Object> arguments() {
        return arguments;
    }

    /** What the operation does, in words ({@code Add field isbn to Book}). */
    public abstract String describe();

    /** Whether unapplying it can undo it; RunSql and RunJava without a reverse cannot. */
    public boolean reversible() {
        return true;
    }

    /**
     * The models whose tables this operation changes (by name), asked of the routers when migrating one of
     * several databases; the model of a model or field operation (both names for a rename), none for code,
     * which runs on every database (Django's RunSQL and RunPython without hints).
     */
    List<String> models() {
        if (factory.equals("renameModel")) {
            return List.of((String) arguments.get(0), (String) arguments.get(1));
        }
        Object first = arguments.get(0);
        return List.of(first instanceof ModelState m ? m.name() : (String) first);
    }

    /** The state after this operation, from the state before it. */
    abstract ProjectState apply(ProjectState state);

    /** Makes the schema change from {@code from} (before) to {@code to} (after). */
    abstract void forwards(SchemaContext ctx, ProjectState from, ProjectState to);

    /** Undoes the schema change: {@code from} is the state after the operation, {@code to} the state before it. */
    abstract void backwards(SchemaContext ctx, ProjectState from, ProjectState to);

    /** {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }

    /** Creates a model's table, with its many-to-many tables, indexes and foreign keys. */
    public static Operation createModel(ModelState model) {
        return new ModelOperations.CreateModel(Objects.requireNonNull(model, "model"));
    }

    /** Drops a model's table and its many-to-many tables; no other model may still refer to it. */
    public static Operation deleteModel(String model) {
        return new ModelOperations.DeleteModel(model);
    }

    /** Renames a model; its table (when named after the model) and its automatic many-to-many tables follow. */
    public static Operation renameModel(String oldName, String newName) {
        return new ModelOperations.RenameModel(oldName, newName);
    }

    /** Moves a model to another table (its {@code @Meta(dbTable)} changed). */
    public static Operation alterModelTable(String model, String table) {
        return new ModelOperations.AlterModelTable(model, table);
    }

    /** Adds a column; existing rows get the field's default (a NOT NULL field needs one). */
    public static Operation addField(String model, FieldState field) {
        return new FieldOperations.AddField(model, Objects.requireNonNull(field, "field"));
    }

    /** Drops a column; unapplying adds it back, filled with its default. */
    public static Operation removeField(String model, String field) {
        return new FieldOperations.RemoveField(model, field);
    }

    /** Changes a column to {@code field} (the field of that name): type, NULL, default, unique, index, target. */
    public static Operation alterField(String model, FieldState field) {
        return new FieldOperations.AlterField(model, Objects.requireNonNull(field, "field"));
    }

    /** Renames a field; its column follows when it was named after the field. */
    public static Operation renameField(String model, String oldName, String newName) {
        return new FieldOperations.RenameField(model, oldName, newName);
    }

    /** Adds a many-to-many field: creates its through table. */
    public static Operation addManyToMany(String model, ManyToManyState field) {
        return new FieldOperations.AddManyToMany(model, Objects.requireNonNull(field, "field"));
    }

    /** Removes a many-to-many field: drops its through table. */
    public static Operation removeManyToMany(String model, String field) {
        return new FieldOperations.RemoveManyToMany(model, field);
    }

    /** Adds a named index. */
    public static Operation addIndex(String model, IndexState index) {
        return new IndexOperations(model, Objects.requireNonNull(index, "index"), null, false);
    }

    /** Removes a named index. */
    public static Operation removeIndex(String model, String name) {
        return new IndexOperations(model, null, name, false);
    }

    /** Adds a named unique constraint (written as a unique index on every database). */
    public static Operation addConstraint(String model, IndexState unique) {
        return new IndexOperations(model, Objects.requireNonNull(unique, "unique"), null, true);
    }

    /**
     * Adds a named CHECK constraint ({@code @Meta(checks)}); the database checks the rows already there
     * (SQLite rebuilds the table to add it).
     */
    public static Operation addConstraint(String model, CheckState check) {
        return new IndexOperations(model, Objects.requireNonNull(check, "check"));
    }

    /** Removes a named unique or CHECK constraint. */
    public static Operation removeConstraint(String model, String name) {
        return new IndexOperations(model, null, name, true);
    }

    /**
     * Sets the sets of fields whose values are unique together ({@code @Meta(uniqueTogether)}, Django's
     * {@code AlterUniqueTogether}): each set's unique index is dropped or created as the sets differ.
     */
    public static Operation alterUniqueTogether(String model, List<List<String>> sets) {
        return new AlterUniqueTogether(model, sets.stream().map(List::copyOf).toList());
    }

    /** Runs SQL that cannot be reversed; the state does not change. */
    public static Operation runSql(String sql) {
        return new CodeOperations.RunSql(List.of(sql), null);
    }

    /** Runs SQL, and {@code reverseSql} when unapplied ({@code ""}: nothing to undo). */
    public static Operation runSql(String sql, String reverseSql) {
        return new CodeOperations.RunSql(List.of(sql), reverseSql.isBlank() ? List.of() : List.of(reverseSql));
    }

    /** Runs these statements, and {@code reverse} when unapplied. */
    public static Operation runSql(List<String> statements, List<String> reverse) {
        return new CodeOperations.RunSql(statements, Objects.requireNonNull(reverse, "reverse"));
    }

    /** Runs Java code (a data migration) that cannot be reversed. */
    public static Operation runJava(MigrationStep forwards) {
        return new CodeOperations.RunJava(Objects.requireNonNull(forwards, "forwards"), null);
    }

    /** Runs Java code, and {@code backwards} when unapplied. */
    public static Operation runJava(MigrationStep forwards, MigrationStep backwards) {
        return new CodeOperations.RunJava(Objects.requireNonNull(forwards, "forwards"),
                Objects.requireNonNull(backwards, "backwards"));
    }
}
