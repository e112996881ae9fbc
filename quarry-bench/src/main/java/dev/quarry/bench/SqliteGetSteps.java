package dev.quarry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * W8's get by primary key on SQLite, written by hand with JDBC four ways and timed in rotation, each on its own
 * connection (rotated too): the JDBC peer's SQL or Quarry's (quoted names and {@code LIMIT 21}), and closing the
 * result set after the row or after a second {@code next()} that finds no more rows, as Quarry's {@code get()} does
 * to tell one row from several. Prints each way's CPU microseconds per get and its per-round ratio to the JDBC peer's way.
 *
 * <p>With {@code touch} it measures instead how the same driver calls slow down when other code runs between two
 * gets: before each get it writes one word per cache line of a buffer of 0, 16, 64, 256 or 1,024 KB, and it times only
 * the JDBC calls (wall clock), each size's per-round ratio to none.
 *
 * <p>{@code java -cp ... dev.quarry.bench.SqliteGetSteps [touch] [rounds]}, after the data is loaded.
 */
public final class SqliteGetSteps {
    private static final String PLAIN = "SELECT id, title, author_id, published_date, isbn FROM book WHERE id = ?";
    private static final String QUARRY = "SELECT \"book\".\"id\", \"book\".\"title\", \"book\".\"author_id\", "
            + "\"book\".\"published_date\", \"book\".\"isbn\" FROM \"book\" WHERE \"book\".\"id\" = ? LIMIT 21";
    private static final String[] NAMES = {"JDBC peer's SQL, close after the row", "Quarry's SQL, close after the row",
        "JDBC peer's SQL, next() to the end", "Quarry's SQL, next() to the end"};
    private static long blackhole;

    private SqliteGetSteps() {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The calling thread's CPU nanoseconds for W8's 10,000 gets in one transaction, the {@code way}-th of
     * {@link #NAMES}: SQLite runs in this thread, so this is its work too, without the time the host takes away.
     */
    private static long gets(Connection c, int way) throws SQLException {
        long start = THREADS.getCurrentThreadCpuTime();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(way % 2 == 0 ? PLAIN : QUARRY)) {
            for (int i = 0; i < Workloads.GETS; i++) {
                ps.setLong(1, Workloads.getId(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    blackhole += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3) + rs.getString(4).length()
                            + rs.getString(5).length();
                    if (way >= 2 && rs.next()) {
                        throw new IllegalStateException("two books with id " + Workloads.getId(i));
                    }
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    public static void main(String[] args) throws Exception {
        boolean touch = args.length > 0 && args[0].equals("touch");
        int rounds = args.length > (touch ? 1 : 0) ? Integer.parseInt(args[touch ? 1 : 0]) : 25;
        BenchDb.ensureLoaded("sqlite");
        if (touch) {
            touching(rounds);
            return;
        }
        int warmup = 5;
        Connection[] connections = new Connection[NAMES.length];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = BenchDb.connect("sqlite");
        }
        double[][] micros = new double[NAMES.length][rounds];
        for (int r = 0; r < warmup + rounds; r++) {
            for (int k = 0; k < NAMES.length; k++) {
                int way = (k + r) % NAMES.length;
                Connection c = connections[(way + r / 2) % connections.length];
                long nanos = 0;
                int calls = 0;
                long end = System.nanoTime() + 200_000_000L;
                while (System.nanoTime() < end) {
                    nanos += gets(c, way);
                    calls++;
                }
                if (r >= warmup) {
                    micros[way][r - warmup] = nanos / 1e3 / calls / Workloads.GETS;
                }
            }
        }
        for (int way = 0; way < NAMES.length; way++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = micros[way][r] / micros[0][r];
            }
            double[] q = Interleaved.quartiles(ratio);
            System.out.printf("%-40s %.2f µs a get, %.3f× (%.3f–%.3f)%n", NAMES[way], Interleaved.median(micros[way]), q[1],
                    q[0], q[2]);
        }
        for (Connection c : connections) {
            c.close();
        }
        System.out.println("(checksum " + (blackhole & 1) + ")");
    }

    private static final int[] TOUCH_KB = {0, 16, 64, 256, 1024};
    private static final long[] BUFFER = new long[1024 * 128];

    /** Nanoseconds spent in the JDBC calls of W8's 10,000 gets, with {@code kb} of the buffer written before each get. */
    private static long getsAfterTouching(Connection c, int kb) throws SQLException {
        long inDriver = 0;
        int words = kb * 128;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(PLAIN)) {
            for (int i = 0; i < Workloads.GETS; i++) {
                for (int w = 0; w < words; w += 8) {
                    BUFFER[w]++; // one 64-byte cache line in every eight longs
                }
                long start = System.nanoTime();
                ps.setLong(1, Workloads.getId(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    blackhole += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3) + rs.getString(4).length()
                            + rs.getString(5).length();
                }
                inDriver += System.nanoTime() - start;
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return inDriver;
    }

    private static void touching(int rounds) throws SQLException {
        int warmup = 4;
        Connection[] connections = new Connection[TOUCH_KB.length];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = BenchDb.connect("sqlite");
        }
        double[][] micros = new double[TOUCH_KB.length][rounds];
        for (int r = 0; r < warmup + rounds; r++) {
            for (int k = 0; k < TOUCH_KB.length; k++) {
                int size = (k + r) % TOUCH_KB.length;
                long nanos = 0;
                int calls = 0;
                long end = System.nanoTime() + 200_000_000L;
                while (System.nanoTime() < end) {
                    nanos += getsAfterTouching(connections[(size + r) % connections.length], TOUCH_KB[size]);
                    calls++;
                }
                if (r >= warmup) {
                    micros[size][r - warmup] = nanos / 1e3 / calls / Workloads.GETS;
                }
            }
        }
        for (int size = 0; size < TOUCH_KB.length; size++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = micros[size][r] / micros[0][r];
            }
            double[] q = Interleaved.quartiles(ratio);
            System.out.printf("%,6d KB written between gets: JDBC calls %.2f µs a get, %.3f× (%.3f–%.3f)%n", TOUCH_KB[size],
                    Interleaved.median(micros[size]), q[1], q[0], q[2]);
        }
        for (Connection c : connections) {
            c.close();
        }
    }
}
