package dev.quarry.schema;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.IndexDef;
import dev.quarry.spi.SchemaEditor;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables from metadata: one per model and one per many-to-many field, ordered so that a table
 * comes after the tables it refers to; the backend's schema editor writes the DDL.
 */
public final class SchemaBuilder {
    private SchemaBuilder() {}

    /** Every table of these models, referenced tables first. */
    public static List<TableDef> tables(List<ModelMeta> models) {
        Map<String, TableDef> byName = new LinkedHashMap<>();
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (ModelMeta m : models) {
            if (m.isProxy()) {
                continue; // a proxy's rows are in its concrete model's table
            }
            List<ColumnDef> cols = new ArrayList<>();
            Set<String> refs = new LinkedHashSet<>();
            for (FieldMeta f : m.fields()) {
                cols.add(column(f));
                if (f.isForeignKey() || f.isParentLink()) {
                    refs.add(f.relation().target().table());
                }
            }
            byName.put(m.table(), new TableDef(m.table(), cols, List.of(), uniqueTogether(m), m.tableOptions().checks()));
            deps.put(m.table(), refs);
            for (ManyToManyMeta mm : m.manyToMany()) {
                if (mm.hasThroughModel()) {
                    continue; // the through model is a model of its own, with its own table
                }
                ModelMeta target = mm.target();
                List<ColumnDef> tc = List.of(
                        new ColumnDef("id", FieldType.AUTO, 0, 0, 0, false, true, true, false, null, null, null),
                        reference(mm.sourceColumn(), m),
                        reference(mm.targetColumn(), target));
                byName.put(mm.throughTable(), new TableDef(mm.throughTable(), tc,
                        List.of(List.of(mm.sourceColumn(), mm.targetColumn()))));
                deps.put(mm.throughTable(), new LinkedHashSet<>(List.of(m.table(), target.table())));
            }
        }
        List<TableDef> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String name : byName.keySet()) {
            visit(name, byName, deps, done, new LinkedHashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(String name, Map<String, TableDef> byName, Map<String, Set<String>> deps, Set<String> done,
                              Set<String> visiting, List<TableDef> out) {
        if (done.contains(name) || !byName.containsKey(name) || !visiting.add(name)) {
            return;
        }
        for (String d : deps.getOrDefault(name, Set.of())) {
            visit(d, byName, deps, done, visiting, out);
        }
        done.add(name);
        out.add(byName.get(name));
    }

    /** The unique indexes of {@code @Meta(uniqueTogether)}, named after table and columns. */
    private static List<IndexDef> uniqueTogether(ModelMeta m) {
        List<IndexDef> out = new ArrayList<>();
        for (List<String> fields : m.tableOptions().uniqueTogether()) {
            out.add(IndexDef.uniqueTogether(m.table(), fields.stream().map(f -> m.field(f).column()).toList()));
        }
        return out;
    }

    /** A many-to-many column referring to {@code target}'s key: the key's type and size ({@code varchar(30)} for a CharField key). */
    private static ColumnDef reference(String column, ModelMeta target) {
        FieldMeta pk = target.pk();
        return new ColumnDef(column, pk.type().referenceType(), maxLength(pk), pk.options().maxDigits(),
                pk.options().decimalPlaces(), false, false, false, true, null, target.table(), pk.column());
    }

    private static ColumnDef column(FieldMeta f) {
        FieldMeta.FieldOptions o = f.options();
        FieldMeta.Extras x = o.extras();
        // A database default is what the schema declares; without one, the declared defaultValue (as before).
        Object dflt = f.isForeignKey() ? null : f.toStored(x.dbDefault() != null ? x.dbDefault() : o.defaultValue());
        String refTable = null;
        String refColumn = null;
        // A foreign key's column has the size of the key it refers to (its own options have none).
        FieldMeta sized = f;
        if (f.isForeignKey() || f.isParentLink()) { // a multi-table child's key refers to its parent's
            ModelMeta target = f.relation().target();
            // dbConstraint = false: the column keeps its index, the schema declares no FOREIGN KEY.
            refTable = f.relation().dbConstraint() ? target.table() : null;
            refColumn = f.relation().dbConstraint() ? target.pk().column() : null;
            dflt = null;
            sized = target.pk();
        }
        return new ColumnDef(f.column(), f.type(), maxLength(sized), sized.options().maxDigits(),
                sized.options().decimalPlaces(), o.nullable(), o.unique(), o.primaryKey(), o.dbIndex() || f.isForeignKey(),
                x.dbDefaultNow() ? null : dflt, refTable, refColumn, x.collation(), x.arrayOf(), x.arraySize(),
                x.dbDefaultNow());
    }

    private static int maxLength(FieldMeta f) {
        return f.type() == FieldType.UUID ? 36 : f.options().maxLength();
    }

    /** The DDL that creates these tables: every CREATE TABLE and index first, then the foreign keys. */
    public static List<String> createStatements(SchemaEditor editor, List<TableDef> tables) {
        List<String> out = new ArrayList<>();
        for (TableDef t : tables) {
            out.addAll(editor.createTable(t));
        }
        for (TableDef t : tables) {
            out.addAll(editor.addForeignKeys(t));
        }
        return out;
    }

    /** The DDL that drops these tables, referring tables first. */
    public static List<String> dropStatements(SchemaEditor editor, List<TableDef> tables) {
        List<String> names = new ArrayList<>();
        for (int i = tables.size() - 1; i >= 0; i--) {
            names.add(tables.get(i).name());
        }
        return editor.dropTables(names);
    }
}
