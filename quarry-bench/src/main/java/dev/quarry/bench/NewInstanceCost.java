package dev.quarry.bench;

import dev.quarry.example.library.Author;
import dev.quarry.example.library.Book;
import dev.quarry.example.library.Review;
import dev.quarry.example.library.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

/**
 * What making one loaded instance costs by itself: {@code new Book()} (the model's constructor, which
 * gives the instance its {@code Ref} and {@code ManyToMany} holders through the generated accessor),
 * against the JDBC peer's {@code new JBook(...)} with its empty review list, in nanoseconds per instance.
 * Before timing, the four models of the guide are created in turn, so the constructor's shared call sites
 * have seen them all, as in an application's JVM. No database is used.
 *
 * <pre>
 * java -cp "target/classes:$(cat target/classpath.txt)" dev.quarry.bench.NewInstanceCost [rounds, 21]
 * </pre>
 *
 * <p>Prints each round and the medians of the rounds after the first third (the JIT's warm-up).
 */
public final class NewInstanceCost {
    private static final int ROWS = 20_000;
    private static final int PASSES = 50;
    /** Keeps every instance reachable until it is replaced, so the JIT cannot drop the allocation. */
    private static final Object[] KEEP = new Object[ROWS];

    private NewInstanceCost() {}

    /** Runs the comparison; see the class comment for the argument. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        for (int i = 0; i < 200_000; i++) {
            KEEP[i % ROWS] = switch (i % 4) {
                case 0 -> new Author();
                case 1 -> new Review();
                case 2 -> new Tag();
                default -> new Book();
            };
        }
        double[] quarry = new double[rounds];
        double[] jdbc = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int p = 0; p < PASSES; p++) {
                for (int i = 0; i < ROWS; i++) {
                    KEEP[i] = new Book();
                }
            }
            long t1 = System.nanoTime();
            for (int p = 0; p < PASSES; p++) {
                for (int i = 0; i < ROWS; i++) {
                    KEEP[i] = new JdbcWorkloads.JBook(i, "t", i, null, "x", new ArrayList<>());
                }
            }
            long t2 = System.nanoTime();
            quarry[r] = (t1 - t0) / (double) (PASSES * ROWS);
            jdbc[r] = (t2 - t1) / (double) (PASSES * ROWS);
            System.out.printf(Locale.ROOT, "round %d: new Book() %.1f ns, new JBook(...) %.1f ns%n", r + 1, quarry[r], jdbc[r]);
        }
        int from = rounds / 3;
        System.out.printf(Locale.ROOT, "median of rounds %d-%d: new Book() %.1f ns, new JBook(...) %.1f ns per instance%n",
                from + 1, rounds, median(quarry, from), median(jdbc, from));
    }

    /** The median of {@code values} from index {@code from} on. */
    private static double median(double[] values, int from) {
        return Interleaved.median(Arrays.copyOfRange(values, from, values.length));
    }
}
