package dev.quarry.migrations;

import dev.quarry.Quarry;
import dev.quarry.load.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The models as a set of migrations leaves them (replaying their operations from nothing), or as a
 * Quarry's registry declares them ({@link #of(Quarry)}); the autodetector diffs two of these. Immutable
 * value with equality: two states are equal when they hold equal models.
 */
public final class ProjectState {
    private static final ProjectState EMPTY = new ProjectState(Map.of());
    private final Map<String, ModelState> models;

    private ProjectState(Map<String, ModelState> models) {
        this.models = Collections.unmodifiableMap(new TreeMap<>(models));
    }

    /** No models: the state before the first migration. */
    public static ProjectState empty() {
        return EMPTY;
    }

    /** The state of the models of this Quarry, as its registry declares them (never read from the database). */
    public static ProjectState of(Quarry quarry) {
        return RegistryState.read(Session.of(quarry).registry());
    }

    /** A state holding these models. */
    public static ProjectState of(List<ModelState> models) {
        ProjectState s = EMPTY;
        for (ModelState m : models) {
            s = s.with(m);
        }
        return s;
    }

    /** The models, by name. */
    public List<ModelState> models() {
        return List.copyOf(models.values());
    }

    /** The model of this name, if any. */
    public Optional<ModelState> findModel(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The model of this name; a {@link MigrationError} lists the models when there is none. */
    public ModelState model(String name) {
        ModelState m = models.get(name);
        if (m == null) {
            throw new MigrationError("No model '" + name + "' in the migrations' state. Its models are: "
                    + models.keySet());
        }
        return m;
    }

    /** This state with {@code model} added or replacing the one of its name. */
    ProjectState with(ModelState model) {
        Map<String, ModelState> out = new TreeMap<>(models);
        out.put(model.name(), model);
        return new ProjectState(out);
    }

    /** This state without the named model. */
    ProjectState without(String name) {
        model(name);
        Map<String, ModelState> out = new TreeMap<>(models);
        out.remove(name);
        return new ProjectState(out);
    }

    /** The models that refer to {@code name} with a foreign key or many-to-many field, other than itself. */
    List<ModelState> referring(String name) {
        List<ModelState> out = new ArrayList<>();
        for (ModelState m : models.values()) {
            if (!m.name().equals(name) && (m.fields().stream().anyMatch(f -> name.equals(f.relatedModel()))
                    || m.manyToMany().stream().anyMatch(mm -> name.equals(mm.relatedModel())))) {
                out.add(m);
            }
        }
        return out;
    }

    /** Whether the two states hold equal models. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectState p && p.models.equals(models);
    }

    /** The hash of the models. */
    @Override
    public int hashCode() {
        return models.hashCode();
    }

    /** {@code ProjectState[Author, Book]}. */
    @Override
    public String toString() {
        return "ProjectState" + models.keySet();
    }
}
