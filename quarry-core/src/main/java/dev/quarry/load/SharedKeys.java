package dev.quarry.load;

/**
 * The boxed keys of one foreign key column within one result, so that rows pointing at the same
 * parent share one {@code Long} instead of each boxing its own: 20,000 books by 2,000 authors box
 * about 2,000 author keys, not 20,000 (a {@code Long} is 16 bytes). A {@code Long} is immutable, so
 * sharing it changes no value, equality or hash; a {@code Ref} given another key simply holds
 * another object.
 *
 * <p>The first {@value #UNSHARED_ROWS} keys are boxed one by one, so a result that small costs
 * exactly what it did before. Then the keys near the first shared one (below {@value #WINDOW} when
 * it is, else within half of that on either side of it: the usual keys of a table with an
 * increasing key) keep their box in an array indexed by the key itself, which grows by doubling up
 * to {@value #WINDOW} slots (32 KB): a row costs one array read, with no hashing and no probing.
 * On W1 (20,000 books by 2,000 authors) on PostgreSQL that took about 10% off the CPU time of the
 * table alone (quarry-bench {@code TwoBuilds}, both orders: 0.894 and 0.895).
 *
 * <p>Keys outside that window go to a table: open addressing (linear probing) over the boxes
 * themselves, so a stored key costs one reference. The table grows at three quarters full, up to
 * {@value #MAX_SLOTS} slots (then it only looks up). Past {@value #FREE_KEYS} distinct keys it needs
 * one shared key per {@value #REPEATS} stored, or the table stops sharing for the rest of the
 * result (with keys drawn at random from {@code n} parents, about {@code s * s / (2 * n)} rows have
 * shared one by the time {@code s} keys are stored, so this holds for up to about 8,000 parents).
 * A column whose keys do not repeat therefore costs at most the window and about 8 KB of table
 * over its whole result, then only its boxes. Values from -128 to 127 come from
 * {@link Long#valueOf}'s own cache. Lives for one result, on the thread that reads it.
 */
final class SharedKeys {
    /** Keys boxed one by one before the table exists: a small result is read exactly as without sharing. */
    private static final int UNSHARED_ROWS = 256;
    private static final int FIRST_SLOTS = 256;
    /** Distinct keys stored before repeats must justify growing. */
    private static final int FREE_KEYS = 512;
    /** Growing past {@link #FREE_KEYS} needs one shared key (a hit) per this many stored keys. */
    private static final int REPEATS = 32;
    private static final int MAX_SLOTS = 8192;
    /** The most keys the window holds, and so the span of keys it covers. */
    private static final int WINDOW = 8192;

    /** The boxes of the keys from {@link #base} on, indexed by {@code key - base}; {@code null} until the first shared key. */
    private Long[] window;
    private long base;
    private Long[] slots;
    private int unshared;
    private int size;
    private int hits;
    private boolean frozen;
    private boolean off;

    /** {@code key} boxed: the box an earlier row of the column already made, or a new one. */
    Long box(long key) {
        if (key >= -128 && key <= 127) {
            return key;
        }
        Long[] d = window;
        if (d == null) {
            if (++unshared <= UNSHARED_ROWS) {
                return key;
            }
            base = key < WINDOW ? 0 : key - WINDOW / 2;
        }
        // Wraps around for keys far from the base, but key -> key - base is one-to-one, so a slot never holds another key's box.
        long at = key - base;
        if (at >= 0 && at < WINDOW) {
            int i = (int) at;
            if (d == null || i >= d.length) {
                d = grow(i);
            }
            Long b = d[i];
            if (b == null) {
                b = key;
                d[i] = b;
            }
            return b;
        }
        return boxInTable(key);
    }

    /** The window, grown (by doubling, from {@value #FIRST_SLOTS} slots) to hold slot {@code i}. */
    private Long[] grow(int i) {
        int n = Math.max(FIRST_SLOTS, Integer.highestOneBit(i) << 1);
        Long[] d = window == null ? new Long[n] : java.util.Arrays.copyOf(window, n);
        window = d;
        return d;
    }

    /** {@code key}, outside the window, boxed through the table. */
    private Long boxInTable(long key) {
        Long[] t = slots;
        if (t == null) {
            if (off) {
                return key;
            }
            t = new Long[FIRST_SLOTS];
            slots = t;
        }
        int mask = t.length - 1;
        int i = hash(key) & mask;
        for (Long b = t[i]; b != null; b = t[i]) {
            if (b == key) {
                hits++;
                return b;
            }
            i = (i + 1) & mask;
        }
        Long boxed = key;
        if (!frozen) {
            t[i] = boxed;
            if (++size * 4 > t.length * 3) {
                full();
            }
        }
        return boxed;
    }

    /** At three quarters full: grow while keys repeat, else stop sharing (or, at the cap, stop storing). */
    private void full() {
        if (size > FREE_KEYS && hits * REPEATS < size) {
            // Keys that hardly repeat: box the rest one by one rather than probe a full table for each.
            slots = null;
            off = true;
            return;
        }
        if (slots.length >= MAX_SLOTS) {
            frozen = true;
            return;
        }
        Long[] old = slots;
        Long[] t = new Long[old.length * 2];
        int mask = t.length - 1;
        for (Long b : old) {
            if (b != null) {
                int i = hash(b) & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = b;
            }
        }
        slots = t;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "SharedKeys(window " + (window == null ? 0 : window.length) + " from " + base + ", table " + size + " keys, "
                + hits + " shared" + (off ? ", off" : frozen ? ", full" : "") + ")";
    }
}
