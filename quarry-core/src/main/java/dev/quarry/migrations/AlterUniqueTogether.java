package dev.quarry.migrations;

import dev.quarry.spi.IndexDef;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * AlterUniqueTogether: sets a model's {@code uniqueTogether} (Django's {@code unique_together}) to the given
 * sets of fields; the unique index of each set that disappeared is dropped and one for each new set is
 * created (named {@code <table>_<column>_..._uniq}, so none is looked up in the database).
 */
final class AlterUniqueTogether extends Operation {
    private final String model;
    private final List<List<String>> sets;

    AlterUniqueTogether(String model, List<List<String>> sets) {
        super("alterUniqueTogether", model, sets);
        this.model = model;
        this.sets = sets;
    }

    @Override
    public String describe() {
        return "Alter unique_together for " + model + " (" + sets.size() + " constraint(s))";
    }

    @Override
    ProjectState apply(ProjectState state) {
        ModelState m = state.model(model);
        for (List<String> set : sets) {
            if (set.isEmpty()) {
                throw new MigrationError("alterUniqueTogether on " + model + " has an empty set of fields");
            }
            set.forEach(m::field);
        }
        return state.with(m.withUniqueTogether(sets));
    }

    @Override
    void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
        change(ctx, from, to);
    }

    @Override
    void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
        change(ctx, from, to);
    }

    /** Drops the indexes of the sets {@code from} has and {@code to} has not, then creates those of the new sets. */
    private void change(SchemaContext ctx, ProjectState from, ProjectState to) {
        ModelState before = from.model(model);
        ModelState after = to.model(model);
        TableDef fromTable = Tables.table(from, before);
        TableDef toTable = Tables.table(to, after);
        List<IndexDef> dropped = new ArrayList<>();
        for (List<String> set : before.uniqueTogether()) {
            if (!after.uniqueTogether().contains(set)) {
                dropped.add(Tables.uniqueTogether(before, before.table(), set));
            }
        }
        for (IndexDef i : dropped) {
            ctx.run(ctx.editor().dropIndex(fromTable, i));
        }
        for (List<String> set : after.uniqueTogether()) {
            if (!before.uniqueTogether().contains(set)) {
                ctx.run(ctx.editor().createIndex(toTable, Tables.uniqueTogether(after, after.table(), set)));
            }
        }
    }
}
