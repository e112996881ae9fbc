package dev.quarry.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Bytes allocated per row by the JDBC and Quarry peers of one workload, counted exactly in one JVM
 * (the calling thread's allocated bytes, {@code com.sun.management.ThreadMXBean}), rather than from
 * JMH's {@code gc.alloc.rate.norm} of two forks whose JIT decisions may differ. Each round warms both
 * peers up, then counts a batch of calls of each; the figures are per row of the workload.
 *
 * <pre>
 * java -cp "target/classes:$(cat target/classpath.txt)" dev.quarry.bench.AllocationPerRow \
 *     [db, postgresql] [workload, w1] [rows per call, 20000] [calls per batch, 50] [rounds, 6]
 * </pre>
 *
 * <p>W1 reads 20,000 books; for W2 (2,000 authors, 20,000 books, 100,000 reviews) pass {@code 1}
 * rows per call to print bytes per call.
 */
public final class AllocationPerRow {
    private AllocationPerRow() {}

    /** Runs the count; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "postgresql";
        String workload = args.length > 1 ? args[1] : "w1";
        long rows = args.length > 2 ? Long.parseLong(args[2]) : 20_000;
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        ToLongFunction<Workloads> call = switch (workload) {
            case "w1" -> Workloads::w1Hydrate;
            case "w2" -> Workloads::w2ReversePrefetch;
            case "w8" -> Workloads::w8GetByPk;
            default -> throw new IllegalArgumentException("workload must be w1, w2 or w8, got " + workload);
        };
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long checksum = 0;
        try (Workloads jdbc = new JdbcWorkloads(db); Workloads quarry = new QuarryWorkloads(db)) {
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < calls; i++) {
                    checksum += call.applyAsLong(jdbc) + call.applyAsLong(quarry);
                }
                long[] bytes = new long[2];
                Workloads[] peers = {jdbc, quarry};
                for (int p = 0; p < 2; p++) {
                    long before = threads.getThreadAllocatedBytes(thread);
                    for (int i = 0; i < calls; i++) {
                        checksum += call.applyAsLong(peers[p]);
                    }
                    bytes[p] = threads.getThreadAllocatedBytes(thread) - before;
                }
                double perCall = (double) calls * rows;
                System.out.printf(Locale.ROOT, "%s %s round %d: jdbc %.1f, quarry %.1f bytes a row, %+.1f%n", db, workload,
                        r + 1, bytes[0] / perCall, bytes[1] / perCall, (bytes[1] - bytes[0]) / perCall);
            }
        }
        System.out.println("(checksum " + (checksum & 1) + ")");
    }
}
