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
 * Applies and unapplies the migrations of one or more apps on a Quarry's {@code "default"} database
 * (Django's {@code migrate}, {@code showmigrations} and {@code sqlmigrate}). Each applied migration is a
 * row of {@code quarry_migrations}; two Migrators running at once, in one process or two, take turns
 * (see {@link Executor}). Immutable and thread-safe.
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
    private final boolean fake;
    private final MigrationProgress progress;

    private Migrator(Quarry quarry, MigrationGraph graph, boolean fake, MigrationProgress progress) {
        this.quarry = quarry;
        this.graph = graph;
        this.fake = fake;
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
        return new Migrator(quarry, graph, value, progress);
    }

    /** This Migrator telling {@code listener} of each migration and operation it runs. This Migrator is not modified. */
    public Migrator withProgress(MigrationProgress listener) {
        return new Migrator(quarry, graph, fake, Objects.requireNonNull(listener, "listener"));
    }

    /** Applies every pending migration of every app; returns the migrations applied ({@code app.Name}). */
    public List<String> migrate() {
        return labels(executor().run(rows -> {
            checkConsistent(rows);
            List<Node> targets = new ArrayList<>();
            for (String app : graph.apps()) {
                Node leaf = graph.leaf(app);
                if (leaf != null) {
                    targets.add(leaf);
                }
            }
            return forwards(targets, rows);
        }));
    }

    /** Applies every pending migration of {@code app} (and those of other apps it depends on). */
    public List<String> migrate(String app) {
        Node leaf = graph.leaf(app);
        return leaf == null ? List.of() : migrate(app, leaf.name());
    }

    /**
     * Brings {@code app} to {@code target}: applies it and what it depends on when it is pending, or
     * unapplies the migrations after it when it is applied ({@link #ZERO}: unapplies them all, with the
     * migrations of other apps that depend on them). Returns the migrations applied or unapplied, in order.
     */
    public List<String> migrate(String app, String target) {
        boolean zero = ZERO.equals(target);
        Node node = zero ? null : graph.node(app, target);
        if (zero) {
            graph.leaf(app);
        }
        return labels(executor().run(rows -> {
            checkConsistent(rows);
            if (zero) {
                Set<Node> undo = new LinkedHashSet<>();
                for (Node n : graph.of(app)) {
                    undo.add(n);
                    undo.addAll(graph.descendants(n));
                }
                return backwards(undo, rows);
            }
            Recorder.Row row = rows.get(node.label());
            if (row == null || !row.complete()) {
                return forwards(List.of(node), rows);
            }
            Set<Node> undo = new LinkedHashSet<>();
            for (Node child : graph.of(app)) {
                if (child.dependencies().contains(node)) {
                    undo.add(child);
                    undo.addAll(graph.descendants(child));
                }
            }
            return backwards(undo, rows);
        }));
    }

    private static List<String> labels(List<Step> steps) {
        return steps.stream().map(s -> s.node().label()).toList();
    }

    private Executor executor() {
        return new Executor(quarry, database(), graph, fake, progress);
    }

    private Database database() {
        return Session.of(quarry).database();
    }

    private List<Step> forwards(List<Node> targets, Map<String, Recorder.Row> rows) {
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

    private List<Step> backwards(Set<Node> nodes, Map<String, Recorder.Row> rows) {
        List<Node> order = new ArrayList<>(graph.all());
        java.util.Collections.reverse(order);
        return order.stream().filter(n -> nodes.contains(n) && rows.containsKey(n.label())).map(n -> new Step(n, true))
                .toList();
    }

    /** Refuses a history where a migration is applied but one it depends on is not (Django's InconsistentMigrationHistory). */
    private void checkConsistent(Map<String, Recorder.Row> rows) {
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
        Map<String, Recorder.Row> rows = new Recorder(database()).rows();
        List<MigrationStatus> out = new ArrayList<>();
        for (Node n : graph.all()) {
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
        SchemaContext ctx = SchemaContext.collecting(backend);
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
                op.backwards(ctx, states.get(i + 1), states.get(i));
            } else {
                op.forwards(ctx, states.get(i), states.get(i + 1));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String s : ctx.collected()) {
            out.append(s).append(s.startsWith("-- ") ? "\n" : ";\n");
        }
        return out.toString();
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
            return new Migrator(quarry, new MigrationGraph(apps), false, MigrationProgress.NONE);
        }
    }
}
