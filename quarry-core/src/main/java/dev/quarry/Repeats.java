package dev.quarry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A query's memo of the last step built on it, so that building the same chain again (the same
 * base query, then equal arguments: {@code Author.objects.annotate("n", count("books")).filter("n__gt", 10)
 * .orderBy("-n").limit(10)} on every request) returns the same immutable queries instead of making
 * each anew. A QuerySet is immutable, so a query that equal arguments gave before is the query
 * they would give now; the memo is only consulted, and kept, when that holds:
 * <ul>
 *   <li>the step's result has a known shape ({@link Shapes}), so its tree is built from steps whose
 *       arguments are compared by value ({@code Steps.keyable}) and run through a compiled entry;</li>
 *   <li>it is built against the same Quarry (the bound one, or the one installed when it was made);</li>
 *   <li>a filter's value is of an immutable type, and a string one at most {@value #MAX_TEXT}
 *       characters, so that a memo neither sees a value its caller changes afterwards nor keeps
 *       large user data alive.</li>
 * </ul>
 *
 * <p>One memo per query, kept from the second step built on it (a query built on once, as most
 * are, keeps none and pays one flag) and then replaced on about one other step in
 * {@value #REPLACE_ONE_IN}: a query from which many threads build different steps (a
 * model's shared all-rows query, filtered by a different value per request) is written rarely,
 * while a chain built over and over settles in its memos within a few calls. A query keeps at
 * most one later query alive this way. Thread-safe: a memo is immutable and published through a
 * volatile field; two threads racing to write it only replace one memo by another.
 */
final class Repeats {
    /** The steps memoized, compared by identity. */
    static final String FILTER = "filter";
    static final String ORDER_BY = "orderBy";
    static final String LIMIT = "limit";
    static final String ANNOTATE = "annotate";

    /** A memo already there is replaced on one miss in this many, at random. */
    static final int REPLACE_ONE_IN = 16;

    /** The longest string value a memo keeps. */
    static final int MAX_TEXT = 256;

    private Repeats() {}

    /** A step's name and arguments (an array compared element by element), the Quarry it was built against, and what it gave. */
    record Memo(String step, Object first, Object second, Quarry target, Object result) {
        /** Whether building {@code step} with these arguments against {@code now} gives {@link #result}. */
        boolean matches(String step, Object first, Object second, Quarry now) {
            return this.step == step && target == now && Objects.equals(this.first, first)
                    && Objects.deepEquals(this.second, second);
        }
    }

    /**
     * The memo to keep after {@code step} with these arguments gave {@code result} ({@code shaped}:
     * its shape is known), or {@code null} to keep {@code current}.
     */
    static Memo memo(Memo current, String step, Object first, Object second, Quarry target, Object result,
                     boolean shaped) {
        if (!shaped || target == null || (step == FILTER && !immutable(second))) {
            return null;
        }
        if (current != null && ThreadLocalRandom.current().nextInt(REPLACE_ONE_IN) != 0) {
            return null;
        }
        return new Memo(step, first, second, target, result);
    }

    /** Whether a filter's value is of a type that cannot change after the call, and small. */
    static boolean immutable(Object v) {
        return v == null || v instanceof String s && s.length() <= MAX_TEXT || v instanceof Integer || v instanceof Long
                || v instanceof Boolean || v instanceof Short || v instanceof Byte || v instanceof Character
                || v instanceof Double || v instanceof Float || v instanceof BigDecimal || v instanceof BigInteger
                || v instanceof Enum<?> || v instanceof UUID || v instanceof java.time.temporal.TemporalAccessor
                && v.getClass().getName().startsWith("java.time.");
    }
}
