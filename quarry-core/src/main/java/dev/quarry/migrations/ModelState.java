package dev.quarry.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One model as migrations know it: name, table, columns, many-to-many fields, named indexes and unique
 * constraints, CHECK constraints and {@code uniqueTogether}. Immutable; the {@code with*} methods return
 * modified copies.
 *
 * @param name the model's class name ({@code Book}), the key other states refer to it by
 * @param table the table name
 * @param fields the columns, primary key first
 * @param manyToMany the many-to-many fields
 * @param indexes named indexes
 * @param constraints named unique constraints
 * @param checks named CHECK constraints
 * @param uniqueTogether sets of fields (Java names) unique together, Django's {@code unique_together}
 */
public record ModelState(String name, String table, List<FieldState> fields, List<ManyToManyState> manyToMany,
                         List<IndexState> indexes, List<IndexState> constraints, List<CheckState> checks,
                         List<List<String>> uniqueTogether) {
    /** Copies the lists and refuses two fields of one name. */
    public ModelState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        fields = List.copyOf(fields);
        manyToMany = List.copyOf(manyToMany);
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
        checks = List.copyOf(checks);
        uniqueTogether = uniqueTogether.stream().map(List::copyOf).toList();
        List<String> seen = new ArrayList<>();
        for (FieldState f : fields) {
            if (seen.contains(f.name())) {
                throw new MigrationError("Model " + name + " has two fields named " + f.name());
            }
            seen.add(f.name());
        }
    }

    /** A model without CHECK constraints and {@code uniqueTogether}. */
    public ModelState(String name, String table, List<FieldState> fields, List<ManyToManyState> manyToMany,
                      List<IndexState> indexes, List<IndexState> constraints) {
        this(name, table, fields, manyToMany, indexes, constraints, List.of(), List.of());
    }

    /**
     * Whether {@code o} is the same model: name, table, and the same fields, many-to-many fields, indexes and
     * constraints, checks and {@code uniqueTogether} sets in any order (a field added by a migration comes last,
     * wherever the class declares it).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelState m && m.name.equals(name) && m.table.equals(table)
                && java.util.Set.copyOf(m.fields).equals(java.util.Set.copyOf(fields))
                && java.util.Set.copyOf(m.manyToMany).equals(java.util.Set.copyOf(manyToMany))
                && java.util.Set.copyOf(m.indexes).equals(java.util.Set.copyOf(indexes))
                && java.util.Set.copyOf(m.constraints).equals(java.util.Set.copyOf(constraints))
                && java.util.Set.copyOf(m.checks).equals(java.util.Set.copyOf(checks))
                && java.util.Set.copyOf(m.uniqueTogether).equals(java.util.Set.copyOf(uniqueTogether));
    }

    /** A hash consistent with {@link #equals}: independent of the order of the parts. */
    @Override
    public int hashCode() {
        return Objects.hash(name, table, java.util.Set.copyOf(fields), java.util.Set.copyOf(manyToMany),
                java.util.Set.copyOf(indexes), java.util.Set.copyOf(constraints), java.util.Set.copyOf(checks),
                java.util.Set.copyOf(uniqueTogether));
    }

    /** A model with these fields and nothing else. */
    public static ModelState of(String name, String table, FieldState... fields) {
        return new ModelState(name, table, List.of(fields), List.of(), List.of(), List.of());
    }

    /** The field of this Java name, if any. */
    public Optional<FieldState> findField(String field) {
        return fields.stream().filter(f -> f.name().equals(field)).findFirst();
    }

    /** The field of this Java name; a {@link MigrationError} lists the fields when there is none. */
    public FieldState field(String field) {
        return findField(field).orElseThrow(() -> new MigrationError("Model " + name + " has no field '" + field
                + "' in the migrations' state. Its fields are: " + fields.stream().map(FieldState::name).toList()));
    }

    /** The primary key field; a {@link MigrationError} when the state has none. */
    public FieldState pk() {
        return fields.stream().filter(FieldState::primaryKey).findFirst()
                .orElseThrow(() -> new MigrationError("Model " + name + " has no primary key in the migrations' state"));
    }

    /** The many-to-many field of this name; a {@link MigrationError} lists them when there is none. */
    public ManyToManyState manyToMany(String field) {
        return manyToMany.stream().filter(m -> m.name().equals(field)).findFirst().orElseThrow(() -> new MigrationError(
                "Model " + name + " has no many-to-many field '" + field + "'. Its many-to-many fields are: "
                        + manyToMany.stream().map(ManyToManyState::name).toList()));
    }

    /** This model under another name. */
    public ModelState withName(String newName) {
        return new ModelState(newName, table, fields, manyToMany, indexes, constraints, checks, uniqueTogether);
    }

    /** This model in another table. */
    public ModelState withTable(String newTable) {
        return new ModelState(name, newTable, fields, manyToMany, indexes, constraints, checks, uniqueTogether);
    }

    /** This model with one more field, at the end; a {@link MigrationError} when the name is taken. */
    public ModelState withField(FieldState field) {
        if (findField(field.name()).isPresent()) {
            throw new MigrationError("Model " + name + " already has a field named " + field.name());
        }
        List<FieldState> out = new ArrayList<>(fields);
        out.add(field);
        return new ModelState(name, table, out, manyToMany, indexes, constraints, checks, uniqueTogether);
    }

    /** This model with the field of {@code field}'s name replaced by it, in place. */
    public ModelState withFieldReplaced(String old, FieldState field) {
        field(old);
        List<FieldState> out = new ArrayList<>();
        for (FieldState f : fields) {
            out.add(f.name().equals(old) ? field : f);
        }
        return new ModelState(name, table, out, manyToMany, indexes, constraints, checks, uniqueTogether);
    }

    /** This model without the named field. */
    public ModelState withoutField(String field) {
        field(field);
        return new ModelState(name, table, fields.stream().filter(f -> !f.name().equals(field)).toList(), manyToMany,
                indexes, constraints, checks, uniqueTogether);
    }

    /** This model with the many-to-many fields that match {@code drop} removed and {@code add} (if not null) added. */
    ModelState withManyToMany(Predicate<ManyToManyState> drop, ManyToManyState add) {
        List<ManyToManyState> out = new ArrayList<>(manyToMany.stream().filter(drop.negate()).toList());
        if (add != null) {
            out.add(add);
        }
        return new ModelState(name, table, fields, out, indexes, constraints, checks, uniqueTogether);
    }

    /** This model with these indexes and constraints. */
    ModelState withIndexes(List<IndexState> newIndexes, List<IndexState> newConstraints) {
        return new ModelState(name, table, fields, manyToMany, newIndexes, newConstraints, checks, uniqueTogether);
    }

    /** This model with these CHECK constraints (and nothing else changed). */
    public ModelState withChecks(List<CheckState> newChecks) {
        return new ModelState(name, table, fields, manyToMany, indexes, constraints, newChecks, uniqueTogether);
    }

    /** This model with these {@code uniqueTogether} sets of fields (and nothing else changed). */
    public ModelState withUniqueTogether(List<List<String>> sets) {
        return new ModelState(name, table, fields, manyToMany, indexes, constraints, checks, sets);
    }

    /** This model with every foreign key and many-to-many field that pointed at {@code old} pointing at {@code now}. */
    ModelState withReferencesRenamed(String old, String now) {
        List<FieldState> fs = fields.stream().map(f -> old.equals(f.relatedModel()) ? f.withRelatedModel(now) : f).toList();
        List<ManyToManyState> ms = manyToMany.stream().map(m -> old.equals(m.relatedModel())
                ? new ManyToManyState(m.name(), now, m.throughTable(), m.sourceColumn(), m.targetColumn()) : m).toList();
        return new ModelState(name, table, fs, ms, indexes, constraints, checks, uniqueTogether);
    }
}
