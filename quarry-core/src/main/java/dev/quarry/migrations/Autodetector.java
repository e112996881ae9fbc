package dev.quarry.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Diffs two states (the migrations' and the models') into the operations that turn one into the other
 * (Django's {@code MigrationAutodetector}), ordered so that each is valid where it stands: renames first,
 * then removals of fields, new models (those they refer to first), new and altered fields, new
 * many-to-many fields, and deleted models last. A model or field that disappeared while another appeared
 * is a removal and an addition unless {@link #withRenamedModel} or {@link #withRenamedField} says it is a
 * rename; a NOT NULL field added without a default needs {@link #withOneOffDefault} to fill existing rows.
 * CHECK constraints and {@code uniqueTogether} ({@code @Meta}) are compared: the ones that changed are removed
 * before fields are removed and added after fields are added. Named indexes and unique constraints are not
 * compared (models do not declare them yet). Immutable.
 *
 * <pre>{@code
 * List<Operation> ops = Autodetector.of(migrator.state(), ProjectState.of(db))
 *         .withRenamedField("Book", "title", "name").changes();
 * }</pre>
 */
public final class Autodetector {
    private final ProjectState from;
    private final ProjectState to;
    private final Map<String, String> renamedModels;
    private final Map<String, Map<String, String>> renamedFields;
    private final Map<String, Object> oneOffDefaults;

    private Autodetector(ProjectState from, ProjectState to, Map<String, String> renamedModels,
                         Map<String, Map<String, String>> renamedFields, Map<String, Object> oneOffDefaults) {
        this.from = from;
        this.to = to;
        this.renamedModels = Map.copyOf(renamedModels);
        this.renamedFields = Map.copyOf(renamedFields);
        this.oneOffDefaults = Map.copyOf(oneOffDefaults);
    }

    /** Compares {@code from} (the migrations' state) with {@code to} (the models'). */
    public static Autodetector of(ProjectState from, ProjectState to) {
        return new Autodetector(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"), Map.of(), Map.of(),
                Map.of());
    }

    /** This detector treating model {@code oldName} of the migrations as renamed to {@code newName}. This Autodetector is not modified. */
    public Autodetector withRenamedModel(String oldName, String newName) {
        Map<String, String> m = new LinkedHashMap<>(renamedModels);
        m.put(oldName, newName);
        return new Autodetector(from, to, m, renamedFields, oneOffDefaults);
    }

    /** This detector treating field {@code oldName} of {@code model} (its new name) as renamed. This Autodetector is not modified. */
    public Autodetector withRenamedField(String model, String oldName, String newName) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>(renamedFields);
        Map<String, String> fields = new LinkedHashMap<>(m.getOrDefault(model, Map.of()));
        fields.put(oldName, newName);
        m.put(model, fields);
        return new Autodetector(from, to, renamedModels, m, oneOffDefaults);
    }

    /**
     * This detector filling existing rows with {@code value} (as the column stores it) when it adds
     * {@code model.field}, a NOT NULL field without a default; the default is not kept (Django's
     * {@code preserve_default=False}). This Autodetector is not modified.
     */
    public Autodetector withOneOffDefault(String model, String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(oneOffDefaults);
        m.put(model + "." + field, Objects.requireNonNull(value, "value"));
        return new Autodetector(from, to, renamedModels, renamedFields, m);
    }

    /** The operations, in a valid order; empty when the states agree (what {@code makemigrations --check} asks). */
    public List<Operation> changes() {
        return new Run().changes();
    }

    /** One diff: the operations so far and the state they lead to. */
    private final class Run {
        private final List<Operation> ops = new ArrayList<>();
        private ProjectState state = from;

        private void emit(Operation op) {
            state = op.apply(state);
            ops.add(op);
        }

        List<Operation> changes() {
            renameModels();
            Set<String> kept = new LinkedHashSet<>();
            Set<String> added = new LinkedHashSet<>();
            Set<String> deleted = new LinkedHashSet<>();
            for (ModelState m : to.models()) {
                (state.findModel(m.name()).isPresent() ? kept : added).add(m.name());
            }
            for (ModelState m : state.models()) {
                if (to.findModel(m.name()).isEmpty()) {
                    deleted.add(m.name());
                }
            }
            for (String name : kept) {
                renameFields(name);
            }
            for (String name : kept) {
                dropConstraints(name);
            }
            for (String name : kept) {
                removeFields(name);
            }
            createModels(added);
            for (String name : kept) {
                addAndAlterFields(name);
            }
            for (String name : added) {
                addConstraints(name, true);
            }
            for (String name : kept) {
                addConstraints(name, false);
            }
            deleteModels(deleted);
            return List.copyOf(ops);
        }

        private void renameModels() {
            renamedModels.forEach((old, now) -> {
                state.model(old);
                to.model(now);
                if (to.findModel(old).isPresent() || state.findModel(now).isPresent()) {
                    throw new MigrationError("Cannot treat " + old + " as renamed to " + now + ": both names exist on one side");
                }
                emit(Operation.renameModel(old, now));
            });
        }

        private void renameFields(String model) {
            renamedFields.getOrDefault(model, Map.of()).forEach((old, now) -> {
                ModelState m = state.model(model);
                m.field(old);
                to.model(model).field(now);
                if (to.model(model).findField(old).isPresent() || m.findField(now).isPresent()) {
                    throw new MigrationError("Cannot treat " + model + "." + old + " as renamed to " + now
                            + ": both names exist on one side");
                }
                emit(Operation.renameField(model, old, now));
            });
        }

        /** Removes the checks and {@code uniqueTogether} sets that the models no longer have, before fields go. */
        private void dropConstraints(String model) {
            ModelState current = state.model(model);
            ModelState target = to.model(model);
            for (CheckState c : current.checks()) {
                if (!target.checks().contains(c)) {
                    emit(Operation.removeConstraint(model, c.name()));
                }
            }
            List<List<String>> kept = current.uniqueTogether().stream().filter(target.uniqueTogether()::contains).toList();
            if (kept.size() != current.uniqueTogether().size()) {
                emit(Operation.alterUniqueTogether(model, kept));
            }
        }

        /**
         * Adds the checks and {@code uniqueTogether} sets that the models have and the state has not, once fields
         * exist: for a new model the checks first, for an existing one the {@code uniqueTogether} first (Django 3.2's
         * orders, django_migration_ops.py).
         */
        private void addConstraints(String model, boolean created) {
            ModelState target = to.model(model);
            if (!created) {
                alterTogether(model, target);
            }
            for (CheckState c : target.checks()) {
                if (!state.model(model).checks().contains(c)) {
                    emit(Operation.addConstraint(model, c));
                }
            }
            if (created) {
                alterTogether(model, target);
            }
        }

        private void alterTogether(String model, ModelState target) {
            ModelState current = state.model(model);
            if (!java.util.Set.copyOf(current.uniqueTogether()).equals(java.util.Set.copyOf(target.uniqueTogether()))) {
                emit(Operation.alterUniqueTogether(model, target.uniqueTogether()));
            }
        }

        private void removeFields(String model) {
            ModelState target = to.model(model);
            for (ManyToManyState mm : state.model(model).manyToMany()) {
                if (!target.manyToMany().contains(mm)) {
                    emit(Operation.removeManyToMany(model, mm.name()));
                }
            }
            for (FieldState f : state.model(model).fields()) {
                if (target.findField(f.name()).isEmpty()) {
                    emit(Operation.removeField(model, f.name()));
                }
            }
        }

        /** Creates the new models, targets first; relations that would need a model not created yet are added after. */
        private void createModels(Set<String> added) {
            List<String> pending = new ArrayList<>(added);
            List<Runnable> later = new ArrayList<>();
            while (!pending.isEmpty()) {
                String next = pending.stream().filter(n -> ready(to.model(n), pending)).findFirst().orElse(pending.get(0));
                pending.remove(next);
                ModelState m = to.model(next);
                List<FieldState> now = new ArrayList<>();
                for (FieldState f : m.fields()) {
                    if (f.isForeignKey() && !exists(f.relatedModel(), next)) {
                        later.add(() -> emit(Operation.addField(next, f)));
                    } else {
                        now.add(f);
                    }
                }
                List<ManyToManyState> m2m = new ArrayList<>();
                for (ManyToManyState mm : m.manyToMany()) {
                    if (!exists(mm.relatedModel(), next)) {
                        later.add(() -> emit(Operation.addManyToMany(next, mm)));
                    } else {
                        m2m.add(mm);
                    }
                }
                emit(Operation.createModel(new ModelState(m.name(), m.table(), now, m2m, List.of(), List.of())));
            }
            later.forEach(Runnable::run);
        }

        private boolean exists(String model, String self) {
            return model.equals(self) || state.findModel(model).isPresent();
        }

        /** Whether every model {@code m} refers to exists already or is not among the pending ones. */
        private boolean ready(ModelState m, List<String> pending) {
            for (FieldState f : m.fields()) {
                if (f.isForeignKey() && !f.relatedModel().equals(m.name()) && pending.contains(f.relatedModel())) {
                    return false;
                }
            }
            return m.manyToMany().stream().noneMatch(mm -> !mm.relatedModel().equals(m.name())
                    && pending.contains(mm.relatedModel()));
        }

        private void addAndAlterFields(String model) {
            ModelState target = to.model(model);
            for (FieldState f : target.fields()) {
                Optional<FieldState> current = state.model(model).findField(f.name());
                if (current.isEmpty()) {
                    add(model, f);
                } else if (!current.get().equals(f)) {
                    emit(Operation.alterField(model, f));
                }
            }
            if (!state.model(model).table().equals(target.table())) {
                emit(Operation.alterModelTable(model, target.table()));
            }
            for (ManyToManyState mm : target.manyToMany()) {
                if (!state.model(model).manyToMany().contains(mm)) {
                    emit(Operation.addManyToMany(model, mm));
                }
            }
        }

        private void add(String model, FieldState f) {
            boolean needsValue = !f.nullable() && f.defaultValue() == null && !f.primaryKey();
            if (!needsValue) {
                emit(Operation.addField(model, f));
                return;
            }
            Object oneOff = oneOffDefaults.get(model + "." + f.name());
            if (oneOff == null) {
                throw new MigrationError("Adding " + model + "." + f.name() + ", a NOT NULL field without a default, needs a "
                        + "value for the rows already in " + to.model(model).table() + ". Declare a defaultValue on the "
                        + "field, make it nullable, or give a one-off value: withOneOffDefault(\"" + model + "\", \""
                        + f.name() + "\", value)");
            }
            emit(Operation.addField(model, f.withDefault(oneOff)));
            emit(Operation.alterField(model, f));
        }

        /** Deletes models, those referring to others first; relations between deleted models in a cycle are removed first. */
        private void deleteModels(Set<String> deleted) {
            List<String> pending = new ArrayList<>(deleted);
            while (!pending.isEmpty()) {
                Optional<String> free = pending.stream().filter(n -> state.referring(n).isEmpty()).findFirst();
                if (free.isEmpty()) {
                    String stuck = pending.get(0);
                    for (ModelState m : state.referring(stuck)) {
                        for (FieldState f : m.fields()) {
                            if (stuck.equals(f.relatedModel())) {
                                emit(Operation.removeField(m.name(), f.name()));
                            }
                        }
                        for (ManyToManyState mm : m.manyToMany()) {
                            if (stuck.equals(mm.relatedModel())) {
                                emit(Operation.removeManyToMany(m.name(), mm.name()));
                            }
                        }
                    }
                    continue;
                }
                pending.remove(free.get());
                emit(Operation.deleteModel(free.get()));
            }
        }
    }
}
