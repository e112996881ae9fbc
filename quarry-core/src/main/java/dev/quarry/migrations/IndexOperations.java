package dev.quarry.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * AddIndex, RemoveIndex, AddConstraint and RemoveConstraint (unique): one named index of a model,
 * added or removed. A unique constraint is written as a unique index on every database, which enforces
 * the same rule and, unlike {@code ADD CONSTRAINT}, needs no table rebuild on SQLite.
 */
final class IndexOperations extends Operation {
    private final String model;
    private final IndexState added;
    private final String removed;
    private final boolean unique;

    /** Adds {@code added}, or removes the one named {@code removed}; a unique constraint when {@code unique}. */
    IndexOperations(String model, IndexState added, String removed, boolean unique) {
        super((added != null ? "add" : "remove") + (unique ? "Constraint" : "Index"), model,
                added != null ? added : removed);
        this.model = model;
        this.added = added;
        this.removed = removed;
        this.unique = unique;
    }

    private String kind() {
        return unique ? "constraint" : "index";
    }

    @Override
    public String describe() {
        return added != null ? "Create " + kind() + " " + added.name() + " on field(s) " + String.join(", ", added.fields())
                + " of model " + model : "Remove " + kind() + " " + removed + " from model " + model;
    }

    private static List<IndexState> of(ModelState m, boolean unique) {
        return unique ? m.constraints() : m.indexes();
    }

    @Override
    ProjectState apply(ProjectState state) {
        ModelState m = state.model(model);
        List<IndexState> list = new ArrayList<>(of(m, unique));
        if (added != null) {
            for (IndexState i : FieldOperations.OnModel.concat(m.indexes(), m.constraints())) {
                if (i.name().equals(added.name())) {
                    throw new MigrationError("Model " + model + " already has an index or constraint named " + i.name());
                }
            }
            added.fields().forEach(m::field);
            list.add(added);
        } else {
            find(m, removed);
            list.removeIf(i -> i.name().equals(removed));
        }
        return state.with(unique ? m.withIndexes(m.indexes(), list) : m.withIndexes(list, m.constraints()));
    }

    private IndexState find(ModelState m, String name) {
        return of(m, unique).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() -> new MigrationError(
                "Model " + model + " has no " + kind() + " named " + name + ". Its " + kind() + "s are: "
                        + of(m, unique).stream().map(IndexState::name).toList()));
    }

    @Override
    void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
        change(ctx, from, to, added != null);
    }

    @Override
    void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
        change(ctx, from, to, added == null);
    }

    /** Creates the index (as {@code to} has it) or drops it (as {@code from} has it). */
    private void change(SchemaContext ctx, ProjectState from, ProjectState to, boolean create) {
        if (create) {
            ModelState m = to.model(model);
            IndexState i = find(m, added != null ? added.name() : removed);
            ctx.run(ctx.editor().createIndex(Tables.table(to, m), Tables.index(m, i, unique)));
        } else {
            ModelState m = from.model(model);
            IndexState i = find(m, added != null ? added.name() : removed);
            ctx.run(ctx.editor().dropIndex(Tables.table(from, m), Tables.index(m, i, unique)));
        }
    }
}
