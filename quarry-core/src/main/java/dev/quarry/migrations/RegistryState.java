package dev.quarry.migrations;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import java.util.ArrayList;
import java.util.List;

/** Reads a Quarry's registry into a {@link ProjectState}: the same columns {@code createTables()} would create. */
final class RegistryState {
    private RegistryState() {}

    static ProjectState read(Registry registry) {
        List<ModelState> models = new ArrayList<>();
        for (ModelMeta m : registry.models()) {
            if (m.isProxy()) {
                continue; // a proxy has no table of its own (Django's migrations record it without columns)
            }
            List<FieldState> fields = new ArrayList<>();
            for (FieldMeta f : m.fields()) {
                fields.add(field(f));
            }
            List<ManyToManyState> m2m = new ArrayList<>();
            for (ManyToManyMeta mm : m.manyToMany()) {
                if (mm.hasThroughModel()) {
                    continue; // its rows are the through model's, whose table is the model's own state
                }
                m2m.add(new ManyToManyState(mm.name(), mm.target().name(), mm.throughTable(), mm.sourceColumn(),
                        mm.targetColumn()));
            }
            List<CheckState> checks = m.tableOptions().checks().stream()
                    .map(c -> new CheckState(c.name(), c.condition())).toList();
            models.add(new ModelState(m.name(), m.table(), fields, m2m, List.of(), List.of(), checks,
                    m.tableOptions().uniqueTogether()));
        }
        return ProjectState.of(models);
    }

    private static FieldState field(FieldMeta f) {
        FieldMeta.FieldOptions o = f.options();
        if (f.isForeignKey() || f.isParentLink()) {
            // A parent link is the key, so it gets no index of its own, as createTables() makes it.
            return new FieldState(f.name(), f.column(), f.type(), 0, 0, 0, o.nullable(), o.unique(), o.primaryKey(),
                    !f.isParentLink(), null, f.relation().target().name(), f.relation().dbConstraint());
        }
        return new FieldState(f.name(), f.column(), f.type(), o.maxLength(), o.maxDigits(), o.decimalPlaces(),
                o.nullable(), o.unique(), o.primaryKey(), o.dbIndex(), f.toStored(o.defaultValue()), null);
    }
}
