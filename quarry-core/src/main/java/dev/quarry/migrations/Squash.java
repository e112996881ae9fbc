package dev.quarry.migrations;

import java.util.List;

/**
 * A squashed migration to write (Django's {@code squashmigrations}): the operations of a run of one app's
 * migrations, shortened, with the migrations it replaces and those it depends on. The writer turns it
 * into a class whose {@link Migration#replaces()} lists {@code replaces}.
 *
 * @param app the app
 * @param replaces the names of the migrations it replaces, in order
 * @param dependencies the migrations the replaced ones depend on outside the run, as canonical class names
 * @param operations the operations, shortened where simple
 */
public record Squash(String app, List<String> replaces, List<String> dependencies, List<Operation> operations) {
    /** Copies the lists. */
    public Squash {
        replaces = List.copyOf(replaces);
        dependencies = List.copyOf(dependencies);
        operations = List.copyOf(operations);
    }
}
