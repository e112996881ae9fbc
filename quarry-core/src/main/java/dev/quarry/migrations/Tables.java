package dev.quarry.migrations;

import dev.quarry.spi.CheckDef;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.IndexDef;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a {@link ProjectState} as the schema editors see them, built exactly as
 * {@code schema.SchemaBuilder} builds them from the registry: a foreign key's column takes the type and
 * size of the key it refers to; a many-to-many field is a through table with a unique pair.
 */
final class Tables {
    private Tables() {}

    /** The table of {@code model} in {@code state}, with its named indexes and unique constraints. */
    static TableDef table(ProjectState state, ModelState model) {
        List<ColumnDef> columns = new ArrayList<>();
        for (FieldState f : model.fields()) {
            columns.add(column(state, f));
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexState i : model.indexes()) {
            indexes.add(index(model, i, false));
        }
        for (IndexState i : model.constraints()) {
            indexes.add(index(model, i, true));
        }
        for (List<String> set : model.uniqueTogether()) {
            indexes.add(uniqueTogether(model, model.table(), set));
        }
        List<CheckDef> checks = model.checks().stream().map(c -> new CheckDef(c.name(), c.condition())).toList();
        return new TableDef(model.table(), columns, List.of(), indexes, checks);
    }

    /** The unique index of one {@code uniqueTogether} set of {@code model}, as if its table were {@code table}. */
    static IndexDef uniqueTogether(ModelState model, String table, List<String> fields) {
        return IndexDef.uniqueTogether(table, fields.stream().map(f -> model.field(f).column()).toList());
    }

    /** The named index of {@code model}, its fields turned into columns. */
    static IndexDef index(ModelState model, IndexState index, boolean unique) {
        return new IndexDef(index.name(), index.fields().stream().map(f -> model.field(f).column()).toList(), unique);
    }

    /** The column of {@code field}; a foreign key's refers to its target's key in {@code state}. */
    static ColumnDef column(ProjectState state, FieldState f) {
        if (f.isForeignKey()) {
            ModelState target = state.model(f.relatedModel());
            FieldState pk = target.pk();
            return new ColumnDef(f.column(), pk.type().referenceType(), maxLength(pk), pk.maxDigits(), pk.decimalPlaces(),
                    f.nullable(), f.unique(), f.primaryKey(), f.dbIndex(), null, f.dbConstraint() ? target.table() : null,
                    f.dbConstraint() ? pk.column() : null);
        }
        return new ColumnDef(f.column(), f.type(), maxLength(f), f.maxDigits(), f.decimalPlaces(), f.nullable(),
                f.unique(), f.primaryKey(), f.dbIndex(), f.defaultValue(), null, null);
    }

    /** The through table of a many-to-many field of {@code model}. */
    static TableDef through(ProjectState state, ModelState model, ManyToManyState m) {
        ModelState target = state.model(m.relatedModel());
        List<ColumnDef> columns = List.of(
                new ColumnDef("id", FieldType.AUTO, 0, 0, 0, false, true, true, false, null, null, null),
                reference(m.sourceColumn(), model),
                reference(m.targetColumn(), target));
        return new TableDef(m.throughTable(), columns, List.of(List.of(m.sourceColumn(), m.targetColumn())));
    }

    private static ColumnDef reference(String column, ModelState target) {
        FieldState pk = target.pk();
        return new ColumnDef(column, pk.type().referenceType(), maxLength(pk), pk.maxDigits(), pk.decimalPlaces(), false,
                false, false, true, null, target.table(), pk.column());
    }

    private static int maxLength(FieldState f) {
        return f.type() == FieldType.UUID ? 36 : f.maxLength();
    }

    /** Every table of {@code state}: each model's, then its through tables. */
    static List<TableDef> all(ProjectState state) {
        List<TableDef> out = new ArrayList<>();
        for (ModelState m : state.models()) {
            out.add(table(state, m));
            for (ManyToManyState mm : m.manyToMany()) {
                out.add(through(state, m, mm));
            }
        }
        return out;
    }
}
