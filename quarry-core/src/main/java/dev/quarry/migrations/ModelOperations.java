package dev.quarry.migrations;

import dev.quarry.internal.Names;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.SchemaEditor;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The operations on whole models: create, delete, rename, move to another table. */
final class ModelOperations {
    private ModelOperations() {}

    /** Creates {@code model}'s table and through tables, as {@code state} (which holds it) describes them. */
    static void create(SchemaContext ctx, ProjectState state, ModelState model) {
        SchemaEditor editor = ctx.editor();
        List<TableDef> tables = new ArrayList<>();
        tables.add(Tables.table(state, model));
        for (ManyToManyState mm : model.manyToMany()) {
            tables.add(Tables.through(state, model, mm));
        }
        for (TableDef t : tables) {
            ctx.run(editor.createTable(t));
        }
        for (TableDef t : tables) {
            ctx.run(editor.addForeignKeys(t));
        }
    }

    /** Drops {@code model}'s through tables and table. */
    static void drop(SchemaContext ctx, ModelState model) {
        List<String> names = new ArrayList<>();
        for (ManyToManyState mm : model.manyToMany()) {
            names.add(mm.throughTable());
        }
        names.add(model.table());
        ctx.run(ctx.editor().dropTables(names));
    }

    /** Django's model name, the class name lower-cased: through columns are {@code <modelname>_id}. */
    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code model} renamed to {@code newName} in {@code newTable}: its automatic through tables
     * ({@code <table>_<field>}) and through columns ({@code <model>_id}) follow.
     */
    static ModelState moved(ModelState model, String newName, String newTable) {
        List<ManyToManyState> m2m = new ArrayList<>();
        for (ManyToManyState mm : model.manyToMany()) {
            String through = mm.throughTable().equals(model.table() + "_" + Names.snake(mm.name()))
                    ? newTable + "_" + Names.snake(mm.name()) : mm.throughTable();
            boolean self = mm.relatedModel().equals(model.name());
            m2m.add(new ManyToManyState(mm.name(), self ? newName : mm.relatedModel(), through,
                    followName(mm.sourceColumn(), model.name(), newName),
                    self ? followName(mm.targetColumn(), model.name(), newName) : mm.targetColumn()));
        }
        return new ModelState(newName, newTable, model.fields(), m2m, model.indexes(), model.constraints(), model.checks(),
                model.uniqueTogether());
    }

    /** {@code book_id} to {@code volume_id} (and {@code from_book_id} to {@code from_volume_id}) when a model is renamed. */
    private static String followName(String column, String oldModel, String newModel) {
        for (String prefix : new String[] {"", "from_", "to_"}) {
            if (column.equals(prefix + lower(oldModel) + "_id")) {
                return prefix + lower(newModel) + "_id";
            }
        }
        return column;
    }

    /** Renames the tables and through columns of model {@code a} of {@code from} into those of {@code b} of {@code to}. */
    static void retable(SchemaContext ctx, ProjectState from, ProjectState to, String a, String b) {
        SchemaEditor editor = ctx.editor();
        ModelState ma = from.model(a);
        ModelState mb = to.model(b);
        if (!ma.table().equals(mb.table())) {
            ctx.run(editor.renameTable(Tables.table(from, ma), Tables.table(from, ma).withName(mb.table())));
            // uniqueTogether indexes are named after the table: drop each under its old name, create it under the new.
            TableDef renamed = Tables.table(to, mb);
            for (List<String> set : mb.uniqueTogether()) {
                var old = Tables.uniqueTogether(ma, ma.table(), set);
                ctx.run(editor.dropIndex(renamed, old));
                ctx.run(editor.createIndex(renamed, Tables.uniqueTogether(mb, mb.table(), set)));
            }
        }
        for (ManyToManyState mm : ma.manyToMany()) {
            retableThrough(ctx, Tables.through(from, ma, mm), Tables.through(to, mb, mb.manyToMany(mm.name())));
        }
        for (ModelState other : to.models()) {
            if (other.name().equals(b)) {
                continue;
            }
            for (ManyToManyState mm : other.manyToMany()) {
                if (mm.relatedModel().equals(b)) {
                    ModelState before = from.model(other.name());
                    retableThrough(ctx, Tables.through(from, before, before.manyToMany(mm.name())),
                            Tables.through(to, other, mm));
                }
            }
        }
    }

    private static void retableThrough(SchemaContext ctx, TableDef current, TableDef target) {
        // The tables the through columns refer to were renamed already: refer to them under their new names.
        List<ColumnDef> referring = new ArrayList<>();
        for (int i = 0; i < current.columns().size(); i++) {
            ColumnDef c = current.columns().get(i);
            ColumnDef t = target.columns().get(i);
            referring.add(new ColumnDef(c.name(), c.type(), c.maxLength(), c.maxDigits(), c.decimalPlaces(), c.nullable(),
                    c.unique(), c.primaryKey(), c.indexed(), c.defaultValue(), t.referencesTable(), t.referencesColumn()));
        }
        TableDef cur = new TableDef(current.name(), referring, current.uniqueTogether());
        if (!cur.name().equals(target.name())) {
            ctx.run(ctx.editor().renameTable(cur, cur.withName(target.name())));
            cur = cur.withName(target.name());
        }
        for (int i = 1; i < cur.columns().size(); i++) {
            ColumnDef c = cur.columns().get(i);
            ColumnDef t = target.columns().get(i);
            if (!c.name().equals(t.name())) {
                List<ColumnDef> cols = new ArrayList<>(cur.columns());
                cols.set(i, t);
                List<String> pair = List.of(cols.get(1).name(), cols.get(2).name());
                TableDef next = new TableDef(cur.name(), cols, List.of(pair));
                ctx.run(ctx.editor().renameColumn(cur, next, c, t));
                cur = next;
            }
        }
    }

    /** Creates a model. */
    static final class CreateModel extends Operation {
        private final ModelState model;

        CreateModel(ModelState model) {
            super("createModel", model);
            this.model = model;
        }

        @Override
        public String describe() {
            return "Create model " + model.name();
        }

        @Override
        ProjectState apply(ProjectState state) {
            if (state.findModel(model.name()).isPresent()) {
                throw new MigrationError("Cannot create model " + model.name() + ": the migrations' state already has it");
            }
            return state.with(model);
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            create(ctx, to, to.model(model.name()));
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            drop(ctx, from.model(model.name()));
        }

        ModelState model() {
            return model;
        }
    }

    /** Deletes a model. */
    static final class DeleteModel extends Operation {
        private final String name;

        DeleteModel(String name) {
            super("deleteModel", name);
            this.name = name;
        }

        @Override
        public String describe() {
            return "Delete model " + name;
        }

        @Override
        ProjectState apply(ProjectState state) {
            List<ModelState> referring = state.referring(name);
            if (!referring.isEmpty()) {
                throw new MigrationError("Cannot delete model " + name + ": " + referring.stream().map(ModelState::name)
                        .toList() + " still refer to it; remove or alter those fields in an earlier operation");
            }
            return state.without(name);
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            drop(ctx, from.model(name));
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            create(ctx, to, to.model(name));
        }
    }

    /** Renames a model. */
    static final class RenameModel extends Operation {
        private final String oldName;
        private final String newName;

        RenameModel(String oldName, String newName) {
            super("renameModel", oldName, newName);
            this.oldName = oldName;
            this.newName = newName;
        }

        @Override
        public String describe() {
            return "Rename model " + oldName + " to " + newName;
        }

        @Override
        ProjectState apply(ProjectState state) {
            ModelState m = state.model(oldName);
            if (state.findModel(newName).isPresent()) {
                throw new MigrationError("Cannot rename model " + oldName + " to " + newName + ": that name is taken");
            }
            String table = m.table().equals(Names.snake(oldName)) ? Names.snake(newName) : m.table();
            ProjectState out = state.without(oldName).with(moved(m, newName, table));
            for (ModelState other : out.models()) {
                if (!other.name().equals(newName)) {
                    ModelState renamed = other.withReferencesRenamed(oldName, newName);
                    List<ManyToManyState> m2m = renamed.manyToMany().stream().map(mm -> mm.relatedModel().equals(newName)
                            ? new ManyToManyState(mm.name(), newName, mm.throughTable(), mm.sourceColumn(),
                            followName(mm.targetColumn(), oldName, newName)) : mm).toList();
                    out = out.with(new ModelState(renamed.name(), renamed.table(), renamed.fields(), m2m,
                            renamed.indexes(), renamed.constraints()));
                }
            }
            return out;
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            retable(ctx, from, to, oldName, newName);
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            retable(ctx, from, to, newName, oldName);
        }
    }

    /** Moves a model to another table. */
    static final class AlterModelTable extends Operation {
        private final String name;
        private final String table;

        AlterModelTable(String name, String table) {
            super("alterModelTable", name, table);
            this.name = name;
            this.table = table;
        }

        @Override
        public String describe() {
            return "Rename table for " + name + " to " + table;
        }

        @Override
        ProjectState apply(ProjectState state) {
            ModelState m = state.model(name);
            return state.with(moved(m, name, table));
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            retable(ctx, from, to, name, name);
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            retable(ctx, from, to, name, name);
        }
    }
}
