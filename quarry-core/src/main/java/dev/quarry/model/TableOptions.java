package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.annotation.Check;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.UniqueTogether;
import dev.quarry.spi.CheckDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model's table-level constraints from {@code @Meta}: {@code uniqueTogether} (field sets, by Java
 * name) and named CHECK constraints. Checked when the model's metadata is built: every field named
 * exists, no set is empty, no two checks share a name. Immutable.
 *
 * @param uniqueTogether each set's fields, by Java name, in the declared order
 * @param checks the CHECK constraints, in the declared order
 */
public record TableOptions(List<List<String>> uniqueTogether, List<CheckDef> checks) {
    /** No constraints. */
    static final TableOptions NONE = new TableOptions(List.of(), List.of());

    /** Copies the lists. */
    public TableOptions {
        uniqueTogether = uniqueTogether.stream().map(List::copyOf).toList();
        checks = List.copyOf(checks);
    }

    /** Reads {@code meta} (or nothing) for {@code model}, whose fields are known. */
    static TableOptions read(Meta meta, ModelMeta model) {
        if (meta == null || meta.uniqueTogether().length == 0 && meta.checks().length == 0) {
            return NONE;
        }
        List<List<String>> together = new ArrayList<>();
        for (UniqueTogether u : meta.uniqueTogether()) {
            if (u.value().length == 0) {
                throw new ImproperlyConfigured("@Meta(uniqueTogether) of " + model.name() + " has an empty @UniqueTogether; "
                        + "name at least one field, e.g. @UniqueTogether({\"author\", \"title\"})");
            }
            List<String> names = new ArrayList<>();
            for (String f : u.value()) {
                FieldMeta field = model.field(f);
                if (field == null) {
                    throw new ImproperlyConfigured("@Meta(uniqueTogether) of " + model.name() + " names field '" + f
                            + "', which it does not have (many-to-many fields cannot be unique together). Its fields are: "
                            + model.fields().stream().map(FieldMeta::name).toList());
                }
                names.add(field.name());
            }
            together.add(names);
        }
        List<CheckDef> checks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Check c : meta.checks()) {
            if (c.name().isBlank() || c.condition().isBlank()) {
                throw new ImproperlyConfigured("@Meta(checks) of " + model.name() + " has a @Check with a blank name or "
                        + "condition (name '" + c.name() + "'); give both, e.g. @Check(name = \"" + model.table()
                        + "_price_positive\", condition = \"price > 0\")");
            }
            if (!seen.add(c.name())) {
                throw new ImproperlyConfigured("@Meta(checks) of " + model.name() + " has two checks named '" + c.name()
                        + "'; check names must be unique in the table");
            }
            checks.add(new CheckDef(c.name(), c.condition()));
        }
        return new TableOptions(together, checks);
    }
}
