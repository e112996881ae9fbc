package dev.quarry.migrations;

import dev.quarry.Quarry;
import dev.quarry.db.Database;
import dev.quarry.db.TxOptions;
import dev.quarry.migrations.MigrationGraph.Node;
import dev.quarry.spi.Feature;
import dev.quarry.spi.SchemaEditor;
import dev.quarry.sql.CompiledSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a plan of migrations on a Quarry's database (Django's {@code MigrationExecutor}). Where DDL is
 * transactional, the whole run is one transaction, begun after the backend's migration setup and lock
 * (SQLite: foreign key enforcement off, the transaction's own write lock; PostgreSQL: an advisory lock)
 * and ending with a foreign key check. Elsewhere (MariaDB) a lock held on a connection of its own keeps
 * other runs out, and each operation commits with its progress recorded, so a failure says where it
 * stopped and a later run resumes there.
 */
final class Executor {
    /** One migration to apply or unapply. */
    record Step(Node node, boolean backwards) {}

    private final Quarry quarry;
    private final Database database;
    private final MigrationGraph declared;
    private final Set<String> refused;
    private final boolean fake;
    private final MigrationProgress progress;
    private final boolean fakeInitial;
    private MigrationGraph graph;

    /**
     * An executor of {@code declared}'s migrations on {@code database}, skipping the operations on the models in
     * {@code refused}; {@code fake} records without running, {@code fakeInitial} records an initial migration
     * whose tables and columns exist already without running it; {@code progress} hears of each operation.
     */
    Executor(Quarry quarry, Database database, MigrationGraph declared, Set<String> refused, boolean fake,
             boolean fakeInitial, MigrationProgress progress) {
        this.quarry = quarry;
        this.database = database;
        this.declared = declared;
        this.refused = Set.copyOf(refused);
        this.fake = fake;
        this.fakeInitial = fakeInitial;
        this.progress = progress;
    }

    /**
     * Plans with the graph and rows as they stand on this database (read under the lock, squashed migrations
     * resolved) and runs the plan; returns the steps run.
     */
    List<Step> run(Function<MigrationGraph.Loaded, List<Step>> planner) {
        SchemaEditor editor = database.backend().schemaEditor();
        Recorder recorder = new Recorder(database);
        if (database.backend().features().has(Feature.TRANSACTIONAL_DDL)) {
            List<String> setup = concat(editor.migrationSetup(), editor.migrationLock());
            List<String> teardown = concat(editor.migrationUnlock(), editor.migrationTeardown());
            return database.atomic(TxOptions.session(setup, teardown), () -> {
                recorder.ensureTable();
                Map<String, Recorder.Row> rows = load(recorder);
                List<Step> plan = planner.apply(new MigrationGraph.Loaded(graph, rows));
                checkReversible(plan, rows);
                for (Step s : plan) {
                    runInTransaction(s, recorder);
                }
                checkForeignKeys(editor);
                return plan;
            });
        }
        return database.withConnection(lockConnection -> {
            lock(lockConnection, editor.migrationLock());
            try {
                recorder.ensureTable();
                Map<String, Recorder.Row> rows = load(recorder);
                List<Step> plan = planner.apply(new MigrationGraph.Loaded(graph, rows));
                checkReversible(plan, rows);
                for (Step s : plan) {
                    runStepwise(s, recorder, rows.get(s.node().label()));
                }
                return plan;
            } finally {
                lock(lockConnection, editor.migrationUnlock());
            }
        });
    }

    /** Reads the history and resolves the graph for it. */
    private Map<String, Recorder.Row> load(Recorder recorder) {
        MigrationGraph.Loaded loaded = declared.load(recorder.rows());
        graph = loaded.graph();
        return loaded.rows();
    }

    /** Whether this step only records: faking, or faking an initial migration whose schema exists already. */
    private boolean recordOnly(Step step) {
        return fake || fakeInitial && !step.backwards() && new SoftApplied(database, refused).initialAndPresent(
                step.node(), states(step.node()));
    }

    private static void record(Recorder recorder, Node n, boolean backwards) {
        List<String> names = new ArrayList<>(n.migration().replaces());
        names.add(n.name());
        for (String name : names) {
            if (backwards) {
                recorder.forget(n.app(), name);
            } else {
                recorder.applied(n.app(), name);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Runs lock statements on the lock's own connection; a lock query answering 0 timed out. */
    private static void lock(Connection c, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (Statement st = c.createStatement()) {
                if (st.execute(sql)) {
                    try (ResultSet rs = st.getResultSet()) {
                        if (rs.next() && rs.getObject(1) instanceof Number n && n.intValue() == 0) {
                            throw new MigrationError("Another migration run held the migration lock too long ("
                                    + sql + " answered 0); run migrate again once it has finished");
                        }
                    }
                }
            }
        }
    }

    /** Refuses, before anything runs, to unapply a migration holding an irreversible operation (faking runs none). */
    private void checkReversible(List<Step> plan, Map<String, Recorder.Row> rows) {
        if (fake) {
            return;
        }
        for (Step s : plan) {
            if (!s.backwards()) {
                continue;
            }
            List<Operation> ops = s.node().migration().operations();
            Recorder.Row row = rows.get(s.node().label());
            int end = row == null || row.complete() ? ops.size() : row.progress();
            for (int i = 0; i < end; i++) {
                if (!ops.get(i).reversible()) {
                    throw new IrreversibleError("Migration " + s.node().label() + " cannot be unapplied: operation "
                            + (i + 1) + " (" + ops.get(i).describe() + ") has no reverse. Give it one (runSql(sql, \"\") "
                            + "when there is nothing to undo), or unapply only down to a later migration");
                }
            }
        }
    }

    private SchemaContext context() {
        return SchemaContext.executing(database.backend(), database::execute, quarry, refused);
    }

    /** The states before each operation of {@code node} and after the last. */
    private List<ProjectState> states(Node node) {
        List<ProjectState> out = new ArrayList<>();
        ProjectState s = graph.stateBefore(node);
        out.add(s);
        for (Operation op : node.migration().operations()) {
            s = MigrationGraph.apply(node, op, s);
            out.add(s);
        }
        return out;
    }

    /** Applies or unapplies one migration inside the run's transaction; a failure rolls the whole run back. */
    private void runInTransaction(Step step, Recorder recorder) {
        Node n = step.node();
        List<Operation> ops = n.migration().operations();
        List<ProjectState> states = states(n);
        SchemaContext ctx = context();
        boolean recordOnly = recordOnly(step);
        progress.progressed(n.label(), step.backwards(), 0, ops.size());
        if (!recordOnly) {
            for (int k = 0; k < ops.size(); k++) {
                int i = step.backwards() ? ops.size() - 1 - k : k;
                try {
                    if (step.backwards()) {
                        ctx.backwards(ops.get(i), states.get(i + 1), states.get(i));
                    } else {
                        ctx.forwards(ops.get(i), states.get(i), states.get(i + 1));
                    }
                } catch (RuntimeException e) {
                    throw new MigrationError(verb(step) + " migration " + n.label() + " failed at operation " + (i + 1)
                            + " of " + ops.size() + " (" + ops.get(i).describe() + "): " + e.getMessage()
                            + ". Nothing of this run was kept: it was one transaction, rolled back", e);
                }
                progress.progressed(n.label(), step.backwards(), k + 1, ops.size());
            }
        }
        if (recordOnly || ops.isEmpty()) {
            progress.progressed(n.label(), step.backwards(), ops.size(), ops.size());
        }
        record(recorder, n, step.backwards());
    }

    private static String verb(Step step) {
        return step.backwards() ? "Unapplying" : "Applying";
    }

    /**
     * Applies or unapplies one migration an operation at a time, each operation committed with the
     * migration's progress; resumes from a partly applied migration's progress.
     */
    private void runStepwise(Step step, Recorder recorder, Recorder.Row row) {
        Node n = step.node();
        List<Operation> ops = n.migration().operations();
        List<ProjectState> states = states(n);
        SchemaContext ctx = context();
        int done = row == null ? 0 : row.complete() ? ops.size() : row.progress();
        progress.progressed(n.label(), step.backwards(), step.backwards() ? ops.size() - done : done, ops.size());
        if (ops.isEmpty() || fake || done == 0 && recordOnly(step)) {
            database.atomic(() -> {
                record(recorder, n, step.backwards());
                return null;
            });
            progress.progressed(n.label(), step.backwards(), ops.size(), ops.size());
            return;
        }
        if (!step.backwards()) {
            for (int i = done; i < ops.size(); i++) {
                int at = i;
                stepwise(step, ops, at, () -> {
                    ctx.forwards(ops.get(at), states.get(at), states.get(at + 1));
                    if (at + 1 == ops.size()) {
                        record(recorder, n, false);
                    } else {
                        recorder.progress(n.app(), n.name(), at + 1);
                    }
                });
                progress.progressed(n.label(), false, at + 1, ops.size());
            }
        } else {
            for (int i = done - 1; i >= 0; i--) {
                int at = i;
                stepwise(step, ops, at, () -> {
                    ctx.backwards(ops.get(at), states.get(at + 1), states.get(at));
                    if (at == 0) {
                        record(recorder, n, true);
                    } else {
                        recorder.progress(n.app(), n.name(), at);
                    }
                });
                progress.progressed(n.label(), true, ops.size() - at, ops.size());
            }
            if (done == 0) {
                record(recorder, n, true);
            }
        }
    }

    private void stepwise(Step step, List<Operation> ops, int at, Runnable work) {
        try {
            database.atomic(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            Node n = step.node();
            int applied = step.backwards() ? at + 1 : at;
            String done = applied == 0 ? "none of " + n.name() + "'s operations is applied"
                    : "the operations before it stay done: " + applied + " of " + n.name() + "'s operations are applied, "
                    + "recorded in " + Recorder.TABLE + " (progress = " + applied + ")";
            throw new MigrationError(verb(step) + " migration " + n.label() + " stopped at operation " + (at + 1) + " of "
                    + ops.size() + " (" + ops.get(at).describe() + "): " + e.getMessage() + ". This database commits "
                    + "schema changes as they run, so " + done + ". Fix the cause and run migrate again to resume at "
                    + "operation " + (at + 1) + (applied == 0 ? "" : ", or migrate backwards to unapply the applied ones"), e);
        }
    }

    /** Fails the run, before it commits, when a foreign key points at no row (where enforcement was off). */
    private void checkForeignKeys(SchemaEditor editor) {
        String check = editor.foreignKeyCheck();
        if (fake || check == null) {
            return;
        }
        List<String> broken = database.query(CompiledSql.of(check, List.of()), rs -> {
            List<String> out = new ArrayList<>();
            while (rs.next() && out.size() < 10) {
                out.add(rs.getString(1) + " row " + rs.getLong(2) + " -> " + rs.getString(3));
            }
            return out;
        });
        if (!broken.isEmpty()) {
            throw new MigrationError("The migrations left foreign keys pointing at no row: " + broken
                    + "; the run was rolled back");
        }
    }
}
