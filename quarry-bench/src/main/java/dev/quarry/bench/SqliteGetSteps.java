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
                    readBook(rs);
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

    /** Reads the book row the result set is on, as the JDBC peer does, into {@link #blackhole}. */
    private static void readBook(ResultSet rs) throws SQLException {
        rs.next();
        blackhole += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3) + rs.getString(4).length()
                + rs.getString(5).length();
    }

    public static void main(String[] args) throws Exception {
        boolean touch = args.length > 0 && args[0].equals("touch");
        int rounds = args.length > (touch ? 1 : 0) ? Integer.parseInt(args[touch ? 1 : 0]) : 25;
        BenchDb.ensureLoaded("sqlite");
        if (touch) {
            String[] labels = new String[TOUCH_KB.length];
            for (int size = 0; size < labels.length; size++) {
                labels[size] = String.format("%,6d KB written between gets: JDBC calls", TOUCH_KB[size]);
            }
            rotate(labels, rounds, (c, size) -> getsAfterTouching(c, TOUCH_KB[size]));
        } else {
            rotate(NAMES, rounds, SqliteGetSteps::gets);
        }
        System.out.println("(checksum " + (blackhole & 1) + ")");
    }

    /** One timed run of W8's gets the {@code way}-th way on {@code c}: nanoseconds, as that way measures them. */
    private interface Way {
        long nanos(Connection c, int way) throws SQLException;
    }

    /**
     * Runs each of the {@code labels}' ways for 200 ms a round, in an order and on connections that rotate from
     * round to round, and prints each way's microseconds a get and the median (quartiles) of its per-round ratio to
     * the first way.
     */
    private static void rotate(String[] labels, int rounds, Way way) throws SQLException {
        int warmup = 5;
        int n = labels.length;
        Connection[] connections = new Connection[n];
        for (int i = 0; i < n; i++) {
            connections[i] = BenchDb.connect("sqlite");
        }
        double[][] micros = new double[n][rounds];
        for (int r = 0; r < warmup + rounds; r++) {
            for (int k = 0; k < n; k++) {
                int w = (k + r) % n;
                Connection c = connections[(w + r) % n];
                long nanos = 0;
                int calls = 0;
                long end = System.nanoTime() + 200_000_000L;
                while (System.nanoTime() < end) {
                    nanos += way.nanos(c, w);
                    calls++;
                }
                if (r >= warmup) {
                    micros[w][r - warmup] = nanos / 1e3 / calls / Workloads.GETS;
                }
            }
        }
        for (int w = 0; w < n; w++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = micros[w][r] / micros[0][r];
            }
            double[] q = Interleaved.quartiles(ratio);
            System.out.printf("%-40s %.2f µs a get, %.3f× (%.3f–%.3f)%n", labels[w], Interleaved.median(micros[w]), q[1],
                    q[0], q[2]);
        }
        for (Connection c : connections) {
            c.close();
        }
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
                    readBook(rs);
                }
                inDriver += System.nanoTime() - start;
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return inDriver;
    }
}
