package dev.quarry.migrations;

import dev.quarry.Quarry;
import dev.quarry.backend.Backends;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.migrations.Executor.Step;
import dev.quarry.migrations.MigrationGraph.Node;
import dev.quarry.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies and unapplies the migrations of one or more apps on one of a Quarry's databases,
 * {@code "default"} unless {@link #withDatabase} names another (Django's {@code migrate},
 * {@code showmigrations} and {@code sqlmigrate}). Each applied migration is a row of that database's
 * {@code quarry_migrations}; two Migrators running at once, in one process or two, take turns (see
 * {@link Executor}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.of(db, "library", List.of(M0001Initial.class, M0002BookIsbn.class));
 * migrator.migrate();                          // everything pending
 * migrator.migrate("library", "M0001Initial"); // back to (or up to) one migration
 * migrator.migrate("library", "zero");         // unapply them all
 * }</pre>
 */
public final class Migrator {
    /** The target that unapplies every migration of an app. */
    public static final String ZERO = "zero";

    private final Quarry quarry;
    private final MigrationGraph graph;
    private final String database;
    private final boolean fake;
    private final boolean fakeInitial;
    private final MigrationProgress progress;

    private Migrator(Quarry quarry, MigrationGraph graph, String database, boolean fake, boolean fakeInitial,
                     MigrationProgress progress) {
        this.quarry = quarry;
        this.graph = graph;
        this.database = database;
        this.fake = fake;
        this.fakeInitial = fakeInitial;
        this.progress = progress;
    }

    /** A Migrator of one app's migrations. */
    public static Migrator of(Quarry quarry, String app, List<Class<? extends Migration>> migrations) {
        return builder(quarry).app(app, migrations).build();
    }

    /** Starts a Migrator of several apps. */
    public static Builder builder(Quarry quarry) {
        return new Builder(Objects.requireNonNull(quarry, "quarry"));
    }

    /**
     * This Migrator recording migrations as applied or unapplied without running their operations
     * (Django's {@code --fake}), for a database whose schema is already right. This Migrator is not modified.
     */
    public Migrator withFake(boolean value) {
        return new Migrator(quarry, graph, database, value, fakeInitial, progress);
    }

    /** This Migrator telling {@code listener} of each migration and operation it runs. This Migrator is not modified. */
    public Migrator withProgress(MigrationProgress listener) {
        return new Migrator(quarry, graph, database, fake, fakeInitial, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * This Migrator recording an initial migration (none of its dependencies is of its own app) as applied
     * without running it when every table it creates and every column it adds exist already (Django's
     * {@code --fake-initial}, for adopting a database made before migrations); otherwise it runs as usual.
     * This Migrator is not modified.
     */
    public Migrator withFakeInitial(boolean value) {
        return new Migrator(quarry, graph, database, fake, value, progress);
    }

    /**
     * This Migrator working on the Quarry's database {@code name} (Django's {@code migrate --database}): its own
     * history table, and only the operations on models the routers' {@code allowMigrate} allows there are run
     * (the others are recorded with the migration; code operations run on every database). This Migrator is
     * not modified.
     */
    public Migrator withDatabase(String name) {
        Session.of(quarry, Objects.requireNonNull(name, "name"));
        return new Migrator(quarry, graph, name, fake, fakeInitial, progress);
    }

    /** Applies every pending migration of every app; returns the migrations applied ({@code app.Name}). */
    public List<String> migrate() {
        return labels(executor().run(loaded -> {
            MigrationGraph g = loaded.graph();
            checkConsistent(g, loaded.rows());
            List<Node> targets = new ArrayList<>();
            for (String app : g.apps()) {
                Node leaf = g.leaf(app);
                if (leaf != null) {
                    targets.add(leaf);
                }
            }
            return forwards(g, targets, loaded.rows());
        }));
    }

    /** Applies every pending migration of {@code app} (and those of other apps it depends on). */
    public List<String> migrate(String app) {
        graph.leaf(app);
        return labels(executor().run(loaded -> {
            MigrationGraph g = loaded.graph();
            checkConsistent(g, loaded.rows());
            Node leaf = g.leaf(app);
            return leaf == null ? List.of() : forwards(g, List.of(leaf), loaded.rows());
        }));
    }

    /**
     * Brings {@code app} to {@code target}: applies it and what it depends on when it is pending, or
     * unapplies the migrations after it when it is applied ({@link #ZERO}: unapplies them all, with the
     * migrations of other apps that depend on them). Returns the migrations applied or unapplied, in order.
     */
    public List<String> migrate(String app, String target) {
        boolean zero = ZERO.equals(target);
        graph.leaf(app);
        return labels(executor().run(loaded -> {
            MigrationGraph g = loaded.graph();
            Map<String, Recorder.Row> rows = loaded.rows();
            checkConsistent(g, rows);
            if (zero) {
                Set<Node> undo = new LinkedHashSet<>();
                for (Node n : g.of(app)) {
                    undo.add(n);
                    undo.addAll(g.descendants(n));
                }
                return backwards(g, undo, rows);
            }
            Node node = target(g, app, target);
            Recorder.Row row = rows.get(node.label());
            if (row == null || !row.complete()) {
                return forwards(g, List.of(node), rows);
            }
            Set<Node> undo = new LinkedHashSet<>();
            for (Node child : g.of(app)) {
                if (child.dependencies().contains(node)) {
                    undo.add(child);
                    undo.addAll(g.descendants(child));
                }
            }
            return backwards(g, undo, rows);
        }));
    }

    /**
     * The migration {@code name} of {@code app} in the graph resolved for this database; a squashed migration
     * left out there (only some of the ones it replaces are applied) stands for the last one it replaces.
     */
    private Node target(MigrationGraph resolved, String app, String name) {
        try {
            return resolved.node(app, name);
        } catch (MigrationError e) {
            List<String> replaced = graph.of(app).stream().filter(n -> n.name().equals(name)).findFirst()
                    .map(n -> n.migration().replaces()).orElse(List.of());
            if (replaced.isEmpty()) {
                throw e;
            }
            return resolved.node(app, replaced.get(replaced.size() - 1));
        }
    }

    private static List<String> labels(List<Step> steps) {
        return steps.stream().map(s -> s.node().label()).toList();
    }

    private Executor executor() {
        return new Executor(quarry, database(), graph, refused(), fake, fakeInitial, progress);
    }

    private Database database() {
        return Session.of(quarry, database).database();
    }

    /** The models of the Quarry that the routers keep off this Migrator's database, by name. */
    private Set<String> refused() {
        Set<String> out = new LinkedHashSet<>();
        Session s = Session.of(quarry, database);
        List<dev.quarry.model.ModelMeta> allowed = Session.migratable(quarry, database);
        for (dev.quarry.model.ModelMeta m : s.registry().models()) {
            if (!allowed.contains(m)) {
                out.add(m.name());
            }
        }
        return out;
    }

    private static List<Step> forwards(MigrationGraph graph, List<Node> targets, Map<String, Recorder.Row> rows) {
        Set<Node> plan = new LinkedHashSet<>();
        for (Node t : targets) {
            List<Node> chain = new ArrayList<>(graph.ancestors(t));
            chain.add(t);
            for (Node n : chain) {
                Recorder.Row row = rows.get(n.label());
                if (row == null || !row.complete()) {
                    plan.add(n);
                }
            }
        }
        return plan.stream().map(n -> new Step(n, false)).toList();
    }

    private static List<Step> backwards(MigrationGraph graph, Set<Node> nodes, Map<String, Recorder.Row> rows) {
        List<Node> order = new ArrayList<>(graph.all());
        java.util.Collections.reverse(order);
        return order.stream().filter(n -> nodes.contains(n) && rows.containsKey(n.label())).map(n -> new Step(n, true))
                .toList();
    }

    /** Refuses a history where a migration is applied but one it depends on is not (Django's InconsistentMigrationHistory). */
    private static void checkConsistent(MigrationGraph graph, Map<String, Recorder.Row> rows) {
        for (Node n : graph.all()) {
            Recorder.Row row = rows.get(n.label());
            if (row != null && row.complete()) {
                for (Node d : n.dependencies()) {
                    Recorder.Row dep = rows.get(d.label());
                    if (dep == null || !dep.complete()) {
                        throw new MigrationError("Inconsistent migration history: " + n.label() + " is applied before its "
                                + "dependency " + d.label() + ". Apply " + d.label() + " with withFake(true) if its "
                                + "changes are in the database, or fix " + Recorder.TABLE + " by hand");
                    }
                }
            }
        }
    }

    /** Every migration, dependencies first, with whether it is applied (Django's {@code showmigrations --plan}). */
    public List<MigrationStatus> showMigrations() {
        MigrationGraph.Loaded loaded = graph.load(new Recorder(database()).rows());
        Map<String, Recorder.Row> rows = loaded.rows();
        List<MigrationStatus> out = new ArrayList<>();
        for (Node n : loaded.graph().all()) {
            Recorder.Row row = rows.get(n.label());
            out.add(new MigrationStatus(n.app(), n.name(), row == null ? null : row.applied(),
                    row == null || row.complete() ? null : row.progress()));
        }
        return out;
    }

    /** The SQL that applying the migration runs on this Quarry's database (Django's {@code sqlmigrate}); runs nothing. */
    public String sqlMigrate(String app, String name) {
        return sqlMigrate(app, name, database().backend().vendor(), false);
    }

    /**
     * The SQL that applying ({@code backwards} false) or unapplying the migration runs on a database of
     * {@code vendor} ({@code sqlite}, {@code postgresql}, {@code mysql} or {@code mariadb}); runs nothing.
     * Java steps appear as comments; an irreversible migration cannot be shown backwards.
     */
    public String sqlMigrate(String app, String name, String vendor, boolean backwards) {
        Node n = graph.node(app, name);
        Backend backend = Backends.forVendor(vendor);
        SchemaContext ctx = SchemaContext.collecting(backend, refused());
        List<Operation> ops = n.migration().operations();
        List<ProjectState> states = new ArrayList<>();
        states.add(graph.stateBefore(n));
        for (Operation op : ops) {
            states.add(MigrationGraph.apply(n, op, states.get(states.size() - 1)));
        }
        for (int k = 0; k < ops.size(); k++) {
            int i = backwards ? ops.size() - 1 - k : k;
            Operation op = ops.get(i);
            ctx.note(op.describe());
            if (backwards) {
                if (!op.reversible()) {
                    throw new IrreversibleError("Migration " + n.label() + " cannot be unapplied: operation " + (i + 1)
                            + " (" + op.describe() + ") has no reverse");
                }
                ctx.backwards(op, states.get(i + 1), states.get(i));
            } else {
                ctx.forwards(op, states.get(i), states.get(i + 1));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String s : ctx.collected()) {
            out.append(s).append(s.startsWith("-- ") ? "\n" : ";\n");
        }
        return out.toString();
    }

    /**
     * The migrations of {@code app} from {@code from} to {@code to} (inclusive, in the app's order) squashed
     * into one (Django's {@code squashmigrations}): their operations in order, shortened where simple
     * (CreateModel absorbs later field changes of its model, AddField then RemoveField cancel out), replacing
     * them, depending on what they depend on outside the run. Nothing runs; write it with the writer module's
     * {@code MigrationWriter.writeSquashed}.
     */
    public Squash squash(String app, String from, String to) {
        List<Node> all = graph.of(app);
        int start = all.indexOf(graph.node(app, from));
        int end = all.indexOf(graph.node(app, to));
        if (start > end) {
            throw new MigrationError("Cannot squash " + app + " from " + from + " to " + to + ": " + from
                    + " comes after " + to + " (the app's order is " + all.stream().map(Node::name).toList() + ")");
        }
        List<Node> run = all.subList(start, end + 1);
        List<Operation> ops = new ArrayList<>();
        List<String> dependencies = new ArrayList<>();
        for (Node n : run) {
            ops.addAll(n.migration().operations());
            for (Node d : n.dependencies()) {
                String name = d.migration().getClass().getCanonicalName();
                if (!run.contains(d) && !dependencies.contains(name)) {
                    dependencies.add(name);
                }
            }
        }
        return new Squash(app, run.stream().map(Node::name).toList(), dependencies, Optimizer.optimize(ops));
    }

    /**
     * Every migration as a Flyway versioned SQL script for a database of {@code vendor}, dependencies first
     * across apps: file name {@code V<n>__<app>_<Name>.sql} (n from 1) to the SQL {@link #sqlMigrate} shows.
     * For teams that apply migrations with Flyway: the scripts hold no history table of Quarry's (Flyway keeps
     * its own); Java steps appear as comments, so a migration with {@code runJava} needs its SQL by hand.
     * Runs nothing.
     */
    public Map<String, String> flywayScripts(String vendor) {
        Map<String, String> out = new LinkedHashMap<>();
        int version = 1;
        for (Node n : graph.all()) {
            out.put("V" + version++ + "__" + n.app() + "_" + n.name() + ".sql", sqlMigrate(n.app(), n.name(), vendor, false));
        }
        return out;
    }

    /** Writes {@link #flywayScripts} into {@code directory} (created if missing); returns the files written, in order. */
    public List<java.nio.file.Path> writeFlywayScripts(java.nio.file.Path directory, String vendor) {
        Map<String, String> scripts = flywayScripts(vendor);
        List<java.nio.file.Path> out = new ArrayList<>();
        try {
            java.nio.file.Files.createDirectories(directory);
            for (Map.Entry<String, String> e : scripts.entrySet()) {
                out.add(java.nio.file.Files.writeString(directory.resolve(e.getKey()), e.getValue()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot write the Flyway scripts into " + directory, e);
        }
        return out;
    }

    /** The names of {@code app}'s migrations, dependencies first. */
    public List<String> migrations(String app) {
        graph.leaf(app);
        return graph.of(app).stream().map(Node::name).toList();
    }

    /** The name of {@code app}'s latest migration (the one a new migration depends on), if it has any. */
    public java.util.Optional<String> latest(String app) {
        return java.util.Optional.ofNullable(graph.leaf(app)).map(Node::name);
    }

    /** The models' state after every migration: what the autodetector compares the models with. */
    public ProjectState state() {
        return MigrationGraph.replay(graph.all());
    }

    /** Collects apps and their migrations. */
    public static final class Builder {
        private final Quarry quarry;
        private final Map<String, List<Class<? extends Migration>>> apps = new LinkedHashMap<>();

        private Builder(Quarry quarry) {
            this.quarry = quarry;
        }

        /** Adds an app and its migrations (in any order: dependencies decide it). */
        public Builder app(String app, List<Class<? extends Migration>> migrations) {
            if (apps.containsKey(app)) {
                throw new MigrationError("App " + app + " was given twice");
            }
            apps.put(Objects.requireNonNull(app, "app"), List.copyOf(migrations));
            return this;
        }

        /** The Migrator; unknown dependencies, cycles and conflicting latest migrations are refused here. */
        public Migrator build() {
            return new Migrator(quarry, new MigrationGraph(apps), "default", false, false, MigrationProgress.NONE);
        }
    }
}
