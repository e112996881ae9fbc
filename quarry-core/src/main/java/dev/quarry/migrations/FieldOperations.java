package dev.quarry.migrations;

import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.IndexDef;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.List;

/** The operations on one field of a model: add, remove, alter, rename; add and remove many-to-many fields. */
final class FieldOperations {
    private FieldOperations() {}

    /** A field operation on one model: the model's table before and after, for the schema editor. */
    abstract static class OnModel extends Operation {
        final String model;

        OnModel(String factory, String model, Object... rest) {
            super(factory, prepend(model, rest));
            this.model = model;
        }

        private static Object[] prepend(String model, Object[] rest) {
            Object[] out = new Object[rest.length + 1];
            out[0] = model;
            System.arraycopy(rest, 0, out, 1, rest.length);
            return out;
        }

        TableDef table(ProjectState state) {
            return Tables.table(state, state.model(model));
        }

        /** Fails when a named index or constraint of the model still covers {@code field}. */
        static void checkUncovered(ModelState m, String field, String doing) {
            for (IndexState i : concat(m.indexes(), m.constraints())) {
                if (i.fields().contains(field)) {
                    throw new MigrationError("Cannot " + doing + " " + m.name() + "." + field + ": index or constraint "
                            + i.name() + " covers it; remove it in an earlier operation");
                }
            }
            for (List<String> set : m.uniqueTogether()) {
                if (set.contains(field)) {
                    throw new MigrationError("Cannot " + doing + " " + m.name() + "." + field + ": uniqueTogether " + set
                            + " covers it; change it with alterUniqueTogether in an earlier operation");
                }
            }
        }

        static List<IndexState> concat(List<IndexState> a, List<IndexState> b) {
            List<IndexState> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
    }

    /** Adds a column. */
    static final class AddField extends OnModel {
        private final FieldState field;

        AddField(String model, FieldState field) {
            super("addField", model, field);
            this.field = field;
        }

        @Override
        public String describe() {
            return "Add field " + field.name() + " to " + model;
        }

        @Override
        ProjectState apply(ProjectState state) {
            return state.with(state.model(model).withField(field));
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.run(ctx.editor().addColumn(table(from), table(to), Tables.column(to, field)));
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.run(ctx.editor().dropColumn(table(from), table(to), Tables.column(from, field)));
        }

        FieldState field() {
            return field;
        }
    }

    /** Drops a column. */
    static final class RemoveField extends OnModel {
        private final String name;

        RemoveField(String model, String name) {
            super("removeField", model, name);
            this.name = name;
        }

        @Override
        public String describe() {
            return "Remove field " + name + " from " + model;
        }

        @Override
        ProjectState apply(ProjectState state) {
            ModelState m = state.model(model);
            checkUncovered(m, name, "remove");
            if (m.field(name).primaryKey()) {
                throw new MigrationError("Cannot remove " + model + "." + name + ": it is the primary key");
            }
            return state.with(m.withoutField(name));
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.run(ctx.editor().dropColumn(table(from), table(to), Tables.column(from, from.model(model).field(name))));
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.run(ctx.editor().addColumn(table(from), table(to), Tables.column(to, to.model(model).field(name))));
        }
    }

    /** Changes a column in place. */
    static final class AlterField extends OnModel {
        private final FieldState field;

        AlterField(String model, FieldState field) {
            super("alterField", model, field);
            this.field = field;
        }

        @Override
        public String describe() {
            return "Alter field " + field.name() + " on " + model;
        }

        @Override
        ProjectState apply(ProjectState state) {
            return state.with(state.model(model).withFieldReplaced(field.name(), field));
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            alter(ctx, from, to);
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            alter(ctx, from, to);
        }

        /** Renames the column first when it moved, then alters it. */
        private void alter(SchemaContext ctx, ProjectState from, ProjectState to) {
            TableDef before = table(from);
            TableDef after = table(to);
            ColumnDef old = Tables.column(from, from.model(model).field(field.name()));
            ColumnDef now = Tables.column(to, to.model(model).field(field.name()));
            if (!old.name().equals(now.name())) {
                ColumnDef moved = renamed(old, now.name());
                TableDef middle = replace(before, old.name(), moved);
                ctx.run(ctx.editor().renameColumn(before, middle, old, moved));
                before = middle;
                old = moved;
            }
            if (!old.equals(now)) {
                ctx.run(ctx.editor().alterColumn(before, after, old, now));
            }
        }

        FieldState field() {
            return field;
        }
    }

    /** Renames a field, and its column when named after it. */
    static final class RenameField extends OnModel {
        private final String oldName;
        private final String newName;

        RenameField(String model, String oldName, String newName) {
            super("renameField", model, oldName, newName);
            this.oldName = oldName;
            this.newName = newName;
        }

        @Override
        public String describe() {
            return "Rename field " + oldName + " on " + model + " to " + newName;
        }

        @Override
        ProjectState apply(ProjectState state) {
            ModelState m = state.model(model);
            if (m.findField(newName).isPresent()) {
                throw new MigrationError("Cannot rename " + model + "." + oldName + " to " + newName + ": that name is taken");
            }
            ModelState out = m.withFieldReplaced(oldName, m.field(oldName).withName(newName));
            List<IndexState> indexes = out.indexes().stream().map(this::follow).toList();
            List<IndexState> constraints = out.constraints().stream().map(this::follow).toList();
            List<List<String>> together = out.uniqueTogether().stream()
                    .map(set -> set.stream().map(f -> f.equals(oldName) ? newName : f).toList()).toList();
            return state.with(out.withIndexes(indexes, constraints).withUniqueTogether(together));
        }

        private IndexState follow(IndexState i) {
            return new IndexState(i.name(), i.fields().stream().map(f -> f.equals(oldName) ? newName : f).toList());
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            rename(ctx, from, to, oldName, newName);
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            rename(ctx, from, to, newName, oldName);
        }

        private void rename(SchemaContext ctx, ProjectState from, ProjectState to, String a, String b) {
            ColumnDef old = Tables.column(from, from.model(model).field(a));
            ColumnDef now = Tables.column(to, to.model(model).field(b));
            if (old.name().equals(now.name())) {
                return;
            }
            // uniqueTogether indexes are named after their columns: dropped under the old name, created under the new.
            ModelState before = from.model(model);
            ModelState after = to.model(model);
            List<List<String>> sets = before.uniqueTogether().stream().filter(set -> set.contains(a)).toList();
            TableDef fromTable = table(from);
            TableDef toTable = table(to);
            for (List<String> set : sets) {
                var index = Tables.uniqueTogether(before, before.table(), set);
                ctx.run(ctx.editor().dropIndex(fromTable, index));
                fromTable = withoutIndex(fromTable, index.name());
            }
            List<IndexDef> created = new ArrayList<>();
            for (List<String> set : sets) {
                var index = Tables.uniqueTogether(after, after.table(), set.stream().map(f -> f.equals(a) ? b : f).toList());
                created.add(index);
                toTable = withoutIndex(toTable, index.name());
            }
            ctx.run(ctx.editor().renameColumn(fromTable, toTable, old, now));
            for (IndexDef index : created) {
                ctx.run(ctx.editor().createIndex(table(to), index));
            }
        }
    }

    /** Adds a many-to-many field's through table. */
    static final class AddManyToMany extends OnModel {
        private final ManyToManyState field;

        AddManyToMany(String model, ManyToManyState field) {
            super("addManyToMany", model, field);
            this.field = field;
        }

        @Override
        public String describe() {
            return "Add many-to-many field " + field.name() + " to " + model;
        }

        @Override
        ProjectState apply(ProjectState state) {
            ModelState m = state.model(model);
            if (m.manyToMany().stream().anyMatch(mm -> mm.name().equals(field.name()))) {
                throw new MigrationError("Model " + model + " already has a many-to-many field named " + field.name());
            }
            return state.with(m.withManyToMany(mm -> false, field));
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            TableDef t = Tables.through(to, to.model(model), field);
            ctx.run(ctx.editor().createTable(t));
            ctx.run(ctx.editor().addForeignKeys(t));
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.run(ctx.editor().dropTables(List.of(field.throughTable())));
        }

        ManyToManyState field() {
            return field;
        }
    }

    /** Drops a many-to-many field's through table. */
    static final class RemoveManyToMany extends OnModel {
        private final String name;

        RemoveManyToMany(String model, String name) {
            super("removeManyToMany", model, name);
            this.name = name;
        }

        @Override
        public String describe() {
            return "Remove many-to-many field " + name + " from " + model;
        }

        @Override
        ProjectState apply(ProjectState state) {
            ModelState m = state.model(model);
            m.manyToMany(name);
            return state.with(m.withManyToMany(mm -> mm.name().equals(name), null));
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.run(ctx.editor().dropTables(List.of(from.model(model).manyToMany(name).throughTable())));
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ModelState m = to.model(model);
            TableDef t = Tables.through(to, m, m.manyToMany(name));
            ctx.run(ctx.editor().createTable(t));
            ctx.run(ctx.editor().addForeignKeys(t));
        }
    }

    /** {@code table} without its named index {@code name}. */
    static TableDef withoutIndex(TableDef table, String name) {
        return new TableDef(table.name(), table.columns(), table.uniqueTogether(),
                table.indexes().stream().filter(i -> !i.name().equals(name)).toList(), table.checks());
    }

    /** {@code c} under another name. */
    static ColumnDef renamed(ColumnDef c, String name) {
        return new ColumnDef(name, c.type(), c.maxLength(), c.maxDigits(), c.decimalPlaces(), c.nullable(), c.unique(),
                c.primaryKey(), c.indexed(), c.defaultValue(), c.referencesTable(), c.referencesColumn());
    }

    /** {@code table} with column {@code name} replaced by {@code column}. */
    static TableDef replace(TableDef table, String name, ColumnDef column) {
        List<ColumnDef> cols = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            cols.add(c.name().equals(name) ? column : c);
        }
        return new TableDef(table.name(), cols, table.uniqueTogether(), table.indexes(), table.checks());
    }
}
