package dev.quarry.migrations;

import dev.quarry.spi.CheckDef;
import java.util.ArrayList;
import java.util.List;

/**
 * AddIndex, RemoveIndex, AddConstraint and RemoveConstraint: one named index, unique constraint or CHECK
 * constraint of a model, added or removed. A unique constraint is written as a unique index on every
 * database, which enforces the same rule and, unlike {@code ADD CONSTRAINT}, needs no table rebuild on
 * SQLite; a CHECK constraint is {@code ADD CONSTRAINT ... CHECK} (a rebuild on SQLite). RemoveConstraint
 * finds the constraint by name among both kinds.
 */
final class IndexOperations extends Operation {
    private final String model;
    private final IndexState added;
    private final CheckState addedCheck;
    private final String removed;
    private final boolean unique;

    /** Adds {@code added}, or removes the one named {@code removed}; a unique constraint when {@code unique}. */
    IndexOperations(String model, IndexState added, String removed, boolean unique) {
        super((added != null ? "add" : "remove") + (unique ? "Constraint" : "Index"), model,
                added != null ? added : removed);
        this.model = model;
        this.added = added;
        this.addedCheck = null;
        this.removed = removed;
        this.unique = unique;
    }

    /** Adds CHECK constraint {@code check}. */
    IndexOperations(String model, CheckState check) {
        super("addConstraint", model, check);
        this.model = model;
        this.added = null;
        this.addedCheck = check;
        this.removed = null;
        this.unique = true;
    }

    private String kind() {
        return unique ? "constraint" : "index";
    }

    @Override
    public String describe() {
        if (addedCheck != null) {
            return "Create constraint " + addedCheck.name() + " on model " + model + " (CHECK " + addedCheck.condition() + ")";
        }
        return added != null ? "Create " + kind() + " " + added.name() + " on field(s) " + String.join(", ", added.fields())
                + " of model " + model : "Remove " + kind() + " " + removed + " from model " + model;
    }

    private static List<IndexState> of(ModelState m, boolean unique) {
        return unique ? m.constraints() : m.indexes();
    }

    @Override
    ProjectState apply(ProjectState state) {
        ModelState m = state.model(model);
        if (added != null || addedCheck != null) {
            String name = added != null ? added.name() : addedCheck.name();
            for (IndexState i : FieldOperations.OnModel.concat(m.indexes(), m.constraints())) {
                if (i.name().equals(name)) {
                    throw new MigrationError("Model " + model + " already has an index or constraint named " + name);
                }
            }
            if (findCheck(m, name) != null) {
                throw new MigrationError("Model " + model + " already has a check constraint named " + name);
            }
        }
        if (addedCheck != null) {
            List<CheckState> checks = new ArrayList<>(m.checks());
            checks.add(addedCheck);
            return state.with(m.withChecks(checks));
        }
        if (removed != null && unique && findCheck(m, removed) != null) {
            return state.with(m.withChecks(m.checks().stream().filter(c -> !c.name().equals(removed)).toList()));
        }
        List<IndexState> list = new ArrayList<>(of(m, unique));
        if (added != null) {
            added.fields().forEach(m::field);
            list.add(added);
        } else {
            find(m, removed);
            list.removeIf(i -> i.name().equals(removed));
        }
        return state.with(unique ? m.withIndexes(m.indexes(), list) : m.withIndexes(list, m.constraints()));
    }

    private static CheckState findCheck(ModelState m, String name) {
        return m.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private IndexState find(ModelState m, String name) {
        return of(m, unique).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() -> new MigrationError(
                "Model " + model + " has no " + kind() + " named " + name + ". Its " + kind() + "s are: "
                        + of(m, unique).stream().map(IndexState::name).toList()
                        + (unique ? ", its check constraints: " + m.checks().stream().map(CheckState::name).toList() : "")));
    }

    @Override
    void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
        change(ctx, from, to, added != null || addedCheck != null);
    }

    @Override
    void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
        change(ctx, from, to, added == null && addedCheck == null);
    }

    /** Creates the index or constraint (as {@code to} has it) or drops it (as {@code from} has it). */
    private void change(SchemaContext ctx, ProjectState from, ProjectState to, boolean create) {
        String name = added != null ? added.name() : addedCheck != null ? addedCheck.name() : removed;
        ModelState m = create ? to.model(model) : from.model(model);
        CheckState check = unique ? findCheck(m, name) : null;
        if (check != null) {
            CheckDef def = new CheckDef(check.name(), check.condition());
            ModelState before = from.model(model);
            ModelState after = to.model(model);
            ctx.run(create ? ctx.editor().addCheck(Tables.table(from, before), Tables.table(to, after), def)
                    : ctx.editor().dropCheck(Tables.table(from, before), Tables.table(to, after), def));
            return;
        }
        IndexState i = find(m, name);
        if (create) {
            ctx.run(ctx.editor().createIndex(Tables.table(to, m), Tables.index(m, i, unique)));
        } else {
            ctx.run(ctx.editor().dropIndex(Tables.table(from, m), Tables.index(m, i, unique)));
        }
    }
}
