package dev.quarry.migrations;

import java.util.List;

/** RunSql and RunJava: code a migration runs, which leaves the models' state as it is. */
final class CodeOperations {
    private CodeOperations() {}

    /** Raw SQL, with optional reverse SQL. */
    static final class RunSql extends Operation {
        private final List<String> sql;
        private final List<String> reverse;

        /** {@code reverse} null: irreversible; empty: nothing to undo. */
        RunSql(List<String> sql, List<String> reverse) {
            super("runSql", reverse == null ? new Object[] {sql.get(0)} : new Object[] {List.copyOf(sql), List.copyOf(reverse)});
            this.sql = List.copyOf(sql);
            this.reverse = reverse == null ? null : List.copyOf(reverse);
        }

        @Override
        public String describe() {
            return "Raw SQL operation";
        }

        @Override
        public boolean reversible() {
            return reverse != null;
        }

        @Override
        ProjectState apply(ProjectState state) {
            return state;
        }

        @Override
        List<String> models() {
            return List.of();
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.run(sql);
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            if (reverse == null) {
                throw new IrreversibleError("This RunSql operation has no reverse SQL");
            }
            ctx.run(reverse);
        }
    }

    /** Java code, with optional reverse code. */
    static final class RunJava extends Operation {
        private final MigrationStep forwards;
        private final MigrationStep backwards;

        RunJava(MigrationStep forwards, MigrationStep backwards) {
            super("runJava", backwards == null ? new Object[] {forwards} : new Object[] {forwards, backwards});
            this.forwards = forwards;
            this.backwards = backwards;
        }

        @Override
        public String describe() {
            return "Raw Java operation";
        }

        @Override
        public boolean reversible() {
            return backwards != null;
        }

        @Override
        ProjectState apply(ProjectState state) {
            return state;
        }

        @Override
        List<String> models() {
            return List.of();
        }

        @Override
        void forwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            ctx.runJava(forwards, describe());
        }

        @Override
        void backwards(SchemaContext ctx, ProjectState from, ProjectState to) {
            if (backwards == null) {
                throw new IrreversibleError("This RunJava operation has no reverse step");
            }
            ctx.runJava(backwards, describe());
        }
    }
}
