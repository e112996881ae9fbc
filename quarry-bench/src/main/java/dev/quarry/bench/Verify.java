package dev.quarry.bench;

import java.util.function.ToLongFunction;

/**
 * Runs every workload once with each implementation and checks that they agree on the checksum
 * (W9 compiles different texts and is not compared), and that Quarry's W2 runs 3 queries.
 * Exits non-zero on a mismatch.
 */
public final class Verify {
    private Verify() {}

    public static void main(String[] args) throws Exception {
        String[] dbs = args.length > 0 ? args : new String[] {"sqlite", "postgresql"};
        boolean ok = true;
        String[] names = {"W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W10 update", "W10 subquery"};
        @SuppressWarnings("unchecked")
        ToLongFunction<Workloads>[] runs = new ToLongFunction[] {
            (ToLongFunction<Workloads>) Workloads::w1Hydrate, (ToLongFunction<Workloads>) Workloads::w2ReversePrefetch,
            (ToLongFunction<Workloads>) Workloads::w3Annotate, (ToLongFunction<Workloads>) Workloads::w4TwoHopAggregate,
            (ToLongFunction<Workloads>) Workloads::w5ReverseFilterDistinct, (ToLongFunction<Workloads>) Workloads::w6ManyToMany,
            (ToLongFunction<Workloads>) Workloads::w7BulkInsert, (ToLongFunction<Workloads>) Workloads::w8GetByPk,
            (ToLongFunction<Workloads>) Workloads::w10UpdateF, (ToLongFunction<Workloads>) Workloads::w10Subquery};
        for (String db : dbs) {
            BenchDb.ensureLoaded(db);
            try (JdbcWorkloads jdbc = new JdbcWorkloads(db); QuarryWorkloads quarry = new QuarryWorkloads(db);
                 HibernateWorkloads hibernate = new HibernateWorkloads(db)) {
                for (int i = 0; i < names.length; i++) {
                    long j = runs[i].applyAsLong(jdbc);
                    long q = runs[i].applyAsLong(quarry);
                    long h = runs[i].applyAsLong(hibernate);
                    boolean same = j == q && q == h;
                    ok &= same;
                    System.out.printf("%-10s %s checksum jdbc=%d quarry=%d hibernate=%d %s%n", db, names[i], j, q, h,
                            same ? "OK" : "MISMATCH");
                }
                int quarryQueries = quarry.w2Queries();
                int hibernateQueries = hibernate.w2Queries();
                System.out.printf("%-10s W2 queries: jdbc=3 quarry=%d hibernate=%d%n", db, quarryQueries, hibernateQueries);
                ok &= quarryQueries == 3;
            }
        }
        if (!ok) {
            System.exit(1);
        }
    }
}
