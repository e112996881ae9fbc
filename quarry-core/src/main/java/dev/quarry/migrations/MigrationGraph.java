package dev.quarry.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The migrations of every app and their dependencies (Django's {@code MigrationGraph} and loader):
 * a deterministic dependency-first order, plans to a target, and the state before each migration,
 * rebuilt by replaying its ancestors' operations. Refuses unknown dependencies, cycles and apps with two
 * latest migrations before anything runs.
 */
final class MigrationGraph {
    /** One migration of one app. */
    record Node(String app, String name, Migration migration, List<Node> dependencies) {
        String label() {
            return app + "." + name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && n.app.equals(app) && n.name.equals(name);
        }

        @Override
        public int hashCode() {
            return label().hashCode();
        }

        @Override
        public String toString() {
            return label();
        }
    }

    private final Map<String, List<Node>> apps = new LinkedHashMap<>();
    private final List<Node> ordered = new ArrayList<>();
    private final Map<String, List<Class<? extends Migration>>> declared;

    /** The graph with every squashed migration standing for the migrations it replaces (none applied yet). */
    MigrationGraph(Map<String, List<Class<? extends Migration>>> declared) {
        this(declared, Set.of());
    }

    /**
     * The graph for a database where the migrations labelled {@code applied} ({@code app.Name}) are applied:
     * a squashed migration stands for the ones it replaces while all or none of those are applied; otherwise
     * they are used and it is left out (Django's loader).
     */
    MigrationGraph(Map<String, List<Class<? extends Migration>>> declared, Set<String> applied) {
        this.declared = declared;
        Map<Class<?>, String> appOf = new LinkedHashMap<>();
        Map<Class<?>, Migration> instances = new LinkedHashMap<>();
        declared.forEach((app, classes) -> {
            for (Class<? extends Migration> c : classes) {
                if (appOf.containsKey(c)) {
                    throw new MigrationError(c.getName() + " is listed twice (apps " + appOf.get(c) + " and " + app + ")");
                }
                appOf.put(c, app);
                instances.put(c, instantiate(c));
            }
        });
        Map<Class<?>, Class<?>> redirect = Replacements.redirects(appOf, instances, applied);
        Map<Class<?>, Node> nodes = new LinkedHashMap<>();
        for (Class<?> c : instances.keySet()) {
            if (!redirect.containsKey(c)) {
                build(c, appOf, instances, redirect, nodes, new LinkedHashSet<>());
            }
        }
        for (Node n : nodes.values()) {
            List<Node> list = apps.computeIfAbsent(n.app(), k -> new ArrayList<>());
            if (list.stream().anyMatch(o -> o.name().equals(n.name()))) {
                throw new MigrationError("App " + n.app() + " has two migrations named " + n.name());
            }
            list.add(n);
        }
        declared.keySet().forEach(app -> apps.putIfAbsent(app, new ArrayList<>()));
        Set<Node> done = new LinkedHashSet<>();
        for (Node n : nodes.values()) {
            visit(n, done);
        }
        ordered.addAll(done);
        for (String app : apps.keySet()) {
            leaf(app);
        }
    }

    /**
     * This graph's migrations as they stand on a database with these history rows: the graph with squashed
     * migrations resolved, and the rows with a squashed migration counted as applied when all it replaces are.
     */
    Loaded load(Map<String, Recorder.Row> rows) {
        Set<String> applied = new LinkedHashSet<>();
        rows.forEach((label, row) -> {
            if (row.complete()) {
                applied.add(label);
            }
        });
        MigrationGraph g = new MigrationGraph(declared, applied);
        Map<String, Recorder.Row> out = new LinkedHashMap<>(rows);
        for (Node n : g.all()) {
            List<String> replaced = n.migration().replaces();
            if (!replaced.isEmpty() && !out.containsKey(n.label())
                    && replaced.stream().allMatch(r -> applied.contains(n.app() + "." + r))) {
                Recorder.Row last = rows.get(n.app() + "." + replaced.get(replaced.size() - 1));
                out.put(n.label(), new Recorder.Row(n.app(), n.name(), last.applied(), null));
            }
        }
        return new Loaded(g, out);
    }

    /** A graph resolved for one database, and that database's history rows (squashed migrations counted). */
    record Loaded(MigrationGraph graph, Map<String, Recorder.Row> rows) {}

    private static Migration instantiate(Class<? extends Migration> c) {
        try {
            var k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MigrationError("Cannot create migration " + c.getName() + ": it needs a no-argument constructor ("
                    + e + ")", e);
        }
    }

    private static Node build(Class<?> c, Map<Class<?>, String> appOf, Map<Class<?>, Migration> instances,
                              Map<Class<?>, Class<?>> redirect, Map<Class<?>, Node> nodes, Set<Class<?>> visiting) {
        Node existing = nodes.get(c);
        if (existing != null) {
            return existing;
        }
        if (!visiting.add(c)) {
            throw new MigrationError("Migrations depend on each other in a cycle: " + visiting.stream()
                    .map(Class::getSimpleName).toList() + " -> " + c.getSimpleName());
        }
        Migration m = instances.get(c);
        List<Node> deps = new ArrayList<>();
        for (Class<? extends Migration> declaredDep : m.dependencies()) {
            Class<?> d = redirect.getOrDefault(declaredDep, declaredDep);
            if (!instances.containsKey(d)) {
                throw new MigrationError("Migration " + appOf.get(c) + "." + m.name() + " depends on " + d.getName()
                        + ", which is not one of the migrations given to the Migrator; add it to its app");
            }
            Node dep = build(d, appOf, instances, redirect, nodes, visiting);
            if (!deps.contains(dep) && !d.equals(c)) {
                deps.add(dep);
            }
        }
        visiting.remove(c);
        Node n = new Node(appOf.get(c), m.name(), m, List.copyOf(deps));
        nodes.put(c, n);
        return n;
    }

    private static void visit(Node n, Set<Node> done) {
        if (done.contains(n)) {
            return;
        }
        for (Node d : n.dependencies()) {
            visit(d, done);
        }
        done.add(n);
    }

    /** Every migration, dependencies first. */
    List<Node> all() {
        return List.copyOf(ordered);
    }

    /** The apps, in the order given. */
    Set<String> apps() {
        return apps.keySet();
    }

    /** The migration of {@code app} named {@code name}; a {@link MigrationError} lists the app's migrations. */
    Node node(String app, String name) {
        List<Node> list = apps.get(app);
        if (list == null) {
            throw new MigrationError("No app '" + app + "' among the Migrator's apps " + apps.keySet());
        }
        return list.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(() -> new MigrationError(
                "App " + app + " has no migration named '" + name + "'. Its migrations are: "
                        + list.stream().map(Node::name).toList() + " (or 'zero' to unapply them all)"));
    }

    /** The app's latest migration, or {@code null} when it has none; two are a conflict to resolve by hand. */
    Node leaf(String app) {
        List<Node> list = apps.get(app);
        if (list == null) {
            throw new MigrationError("No app '" + app + "' among the Migrator's apps " + apps.keySet());
        }
        List<Node> leaves = new ArrayList<>();
        for (Node n : list) {
            if (list.stream().noneMatch(o -> o.dependencies().contains(n))) {
                leaves.add(n);
            }
        }
        if (leaves.size() > 1) {
            throw new MigrationError("Conflicting migrations in app " + app + ": " + leaves.stream().map(Node::name).toList()
                    + " are each the latest; make one depend on the other (or add a migration depending on both)");
        }
        return leaves.isEmpty() ? null : leaves.get(0);
    }

    /** The migrations of {@code app}, dependencies first. */
    List<Node> of(String app) {
        return ordered.stream().filter(n -> n.app().equals(app)).toList();
    }

    /** {@code node}'s dependencies, theirs, and so on, dependencies first; without {@code node}. */
    List<Node> ancestors(Node node) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node d : node.dependencies()) {
            visit(d, out);
        }
        return ordered.stream().filter(out::contains).toList();
    }

    /** The migrations that depend on {@code node}, directly or not, in the full order; without {@code node}. */
    List<Node> descendants(Node node) {
        Set<Node> out = new LinkedHashSet<>();
        for (Node n : ordered) {
            if (n.dependencies().stream().anyMatch(d -> d.equals(node) || out.contains(d))) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /** The state the operations of these migrations leave, replayed in order from nothing. */
    static ProjectState replay(List<Node> nodes) {
        ProjectState s = ProjectState.empty();
        for (Node n : nodes) {
            for (Operation op : n.migration().operations()) {
                s = apply(n, op, s);
            }
        }
        return s;
    }

    /** {@code op}'s state effect, its errors naming the migration. */
    static ProjectState apply(Node n, Operation op, ProjectState s) {
        try {
            return op.apply(s);
        } catch (MigrationError e) {
            throw new MigrationError("In migration " + n.label() + ", operation '" + op.describe() + "': "
                    + e.getMessage(), e);
        }
    }

    /** The state before {@code node}: its ancestors replayed. */
    ProjectState stateBefore(Node node) {
        return replay(ancestors(node));
    }
}
