package dev.quarry;

import com.sun.management.ThreadMXBean;
import dev.quarry.bench.BenchDb;
import dev.quarry.bench.QuarryWorkloads;
import dev.quarry.example.library.Book;
import dev.quarry.internal.ModelAccess;
import dev.quarry.load.LoadContext;
import dev.quarry.load.ModelRows;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where W1's Java time goes on PostgreSQL, without the database: W1's 20,000 books are fetched once into a
 * scrollable result set (the driver keeps the rows in memory), then read again and again by four readers in
 * rotation, in one JVM, in nanoseconds per row (SQLite's driver cannot rewind a result, so it is not probed):
 * <ul>
 *   <li>{@code jdbc}: the JDBC peer's loop, a record per row (as {@code JdbcWorkloads.w1Hydrate});
 *   <li>{@code direct}: what a loaded {@code Book} costs with no reading machinery at all: {@code new Book()},
 *       its fields set from the driver's own calls, the foreign key into its {@code Ref} as a {@code long}, the
 *       loaded mark. The difference to {@code jdbc} is the model's shape (its constructor, the relation
 *       holders, the boxed {@code Long} key);
 *   <li>{@code quarry}: Quarry's reading of the result ({@code ModelRows.readAll}, the generated accessor's
 *       loop). The difference to {@code direct} is Quarry's reading machinery;
 *   <li>{@code rows}: Quarry's row-by-row path ({@code ModelRows.read} per row).
 * </ul>
 * Each pass sums what it read as W1 does, so every reader's values are checked against the JDBC peer's.
 * Before timing, W2, W3, W6 and W8 run through Quarry ten times, so the core's call sites shared by all models
 * have seen the others, as in an application's JVM. Prints each round, the medians of the rounds after the
 * first third (the JIT's warm-up), the medians of the per-round ratios to {@code jdbc} (the host's drift lands on
 * a round's readers alike), and the bytes allocated per row. A diagnostic: it sits in package {@code dev.quarry}
 * to reach a query's tree and session, which are not public.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp "target/classes:$(cat target/classpath.txt)" dev.quarry.ReadPathProbe [rounds, 40]
 * </pre>
 */
public final class ReadPathProbe {
    private static final ModelAccess ACCESS = ModelAccess.get();
    private static final int PASSES = 20;
    private static final String[] READERS = {"jdbc", "direct", "quarry", "rows"};

    /** The JDBC peer's row, as {@code JdbcWorkloads.JBook}. */
    record Row(long id, String title, long authorId, LocalDate published, String isbn, List<Object> reviews) {}

    private ReadPathProbe() {}

    /** Runs the probe; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String database = "postgresql";
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        BenchDb.ensureLoaded(database);
        try (QuarryWorkloads w = new QuarryWorkloads(database)) {
            for (int i = 0; i < 10; i++) {
                w.w2ReversePrefetch();
                w.w6ManyToMany();
                w.w8GetByPk();
                w.w3Annotate();
            }
            Quarry q = Quarry.current();
            FetchMode mode = q.fetchMode();
            QuerySet<Book> all = Book.objects.all();
            var session = q.session();
            ModelRows rows = new ModelRows(all.plan.tree(q), session.database().backend().operations());
            var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().getId();
            try (Connection c = BenchDb.connect(database);
                 PreparedStatement ps = c.prepareStatement(all.sql().text(), ResultSet.TYPE_SCROLL_INSENSITIVE,
                         ResultSet.CONCUR_READ_ONLY);
                 ResultSet rs = ps.executeQuery()) {
                double[][] ns = new double[READERS.length][rounds];
                double[] bytes = new double[READERS.length];
                long[] sums = new long[READERS.length];
                for (int r = 0; r < rounds; r++) {
                    for (int v = 0; v < READERS.length; v++) {
                        int n = 0;
                        long a0 = threads.getThreadAllocatedBytes(self);
                        long t0 = System.nanoTime();
                        for (int p = 0; p < PASSES; p++) {
                            rs.beforeFirst();
                            LoadContext context = new LoadContext(session, mode);
                            List<?> out = switch (v) {
                                case 0 -> jdbc(rs);
                                case 1 -> direct(rs, context);
                                case 2 -> rows.readAll(rs, context);
                                default -> rowByRow(rs, rows, context);
                            };
                            n += out.size();
                            sums[v] += checksum(out);
                        }
                        ns[v][r] = (System.nanoTime() - t0) / (double) n;
                        bytes[v] = (threads.getThreadAllocatedBytes(self) - a0) / (double) n;
                    }
                    StringBuilder line = new StringBuilder();
                    for (int v = 0; v < READERS.length; v++) {
                        line.append(String.format(Locale.ROOT, " %s %.1f", READERS[v], ns[v][r]));
                    }
                    System.out.printf(Locale.ROOT, "round %2d:%s ns/row%n", r + 1, line);
                }
                report(ns, bytes, rounds);
                for (int v = 1; v < READERS.length; v++) {
                    if (sums[v] != sums[0]) {
                        throw new IllegalStateException(READERS[v] + " read other values than jdbc: " + sums[v] + " != " + sums[0]);
                    }
                }
            }
        }
    }

    private static List<Row> jdbc(ResultSet rs) throws SQLException {
        List<Row> out = new ArrayList<>();
        while (rs.next()) {
            out.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                    new ArrayList<>()));
        }
        return out;
    }

    private static List<Book> direct(ResultSet rs, LoadContext context) throws SQLException {
        List<Book> out = new ArrayList<>();
        while (rs.next()) {
            Book b = new Book();
            b.id = rs.getLong(1);
            b.title = rs.getString(2);
            ACCESS.setRefLong(b.author, rs.getLong(3));
            b.publishedDate = rs.getObject(4, LocalDate.class);
            b.isbn = rs.getString(5);
            ACCESS.setLoaded(b, context);
            out.add(b);
        }
        return out;
    }

    private static List<Object> rowByRow(ResultSet rs, ModelRows rows, LoadContext context) throws SQLException {
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rows.read(rs, context));
        }
        return out;
    }

    /** W1's sum over what was read: the same for every reader that read the same values. */
    private static long checksum(List<?> rows) {
        long sum = 0;
        for (Object o : rows) {
            if (o instanceof Row b) {
                sum += b.id() + b.title().length() + b.authorId() + b.published().toEpochDay() + b.isbn().length();
            } else {
                Book b = (Book) o;
                sum += b.id + b.title.length() + (Long) b.author.id() + b.publishedDate.toEpochDay() + b.isbn.length();
            }
        }
        return sum;
    }

    private static void report(double[][] ns, double[] bytes, int rounds) {
        int from = rounds / 3;
        StringBuilder medians = new StringBuilder();
        StringBuilder ratios = new StringBuilder();
        StringBuilder allocated = new StringBuilder();
        for (int v = 0; v < READERS.length; v++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = ns[v][r] / ns[0][r];
            }
            medians.append(String.format(Locale.ROOT, " %s %.1f", READERS[v], median(ns[v], from)));
            ratios.append(String.format(Locale.ROOT, " %s %.3f", READERS[v], median(ratio, from)));
            allocated.append(String.format(Locale.ROOT, " %s %.0f", READERS[v], bytes[v]));
        }
        System.out.printf(Locale.ROOT, "median of rounds %d-%d, ns per row:%s%n", from + 1, rounds, medians);
        System.out.printf(Locale.ROOT, "median of the per-round ratios to jdbc:%s%n", ratios);
        System.out.printf(Locale.ROOT, "bytes allocated per row (last round):%s%n", allocated);
    }

    /** The median of {@code values} from index {@code from} on. */
    private static double median(double[] values, int from) {
        return dev.quarry.bench.Interleaved.median(Arrays.copyOfRange(values, from, values.length));
    }
}
