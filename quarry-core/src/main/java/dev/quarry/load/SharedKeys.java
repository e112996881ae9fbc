package dev.quarry.load;

/**
 * The boxed keys of one foreign key column within one result, so that rows pointing at the same
 * parent share one {@code Long} instead of each boxing its own: 20,000 books by 2,000 authors box
 * about 2,000 author keys, not 20,000 (a {@code Long} is 24 bytes). A {@code Long} is immutable, so
 * sharing it changes no value, equality or hash; a {@code Ref} given another key simply holds
 * another object.
 *
 * <p>The first {@value #UNSHARED_ROWS} keys are boxed one by one, so a result that small costs
 * exactly what it did before (a table of keys that hardly repeat costs more than their boxes); then
 * open addressing (linear probing) over the keys as {@code long}s, with their boxes in a parallel
 * array: a probe compares numbers in one small array and never reads a box (the boxes lie wherever
 * their rows were allocated, so reading one could miss the CPU cache on every row; W1 on PostgreSQL
 * took 0.96–0.97 of the CPU time once probes stopped reading them). A stored key costs a
 * {@code long} and a reference. The table grows at three quarters full, up to {@value #MAX_SLOTS}
 * slots (then it only looks up). Past {@value #FREE_KEYS} distinct keys it needs one shared key per {@value #REPEATS}
 * stored, or sharing stops for the rest of the result (with keys drawn at random from {@code n}
 * parents, about {@code s * s / (2 * n)} rows have shared one by the time {@code s} keys are stored,
 * so this holds for up to about 8,000 parents). A column whose keys do not repeat therefore costs
 * about 8 KB of tables over its whole result, then only its boxes.
 * Values from -128 to 127 come from {@link Long#valueOf}'s own cache. Lives for one result, on the
 * thread that reads it.
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

    private Long[] slots;
    /** The key of each slot of {@link #slots} (meaningful where that slot holds a box). */
    private long[] keys;
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
        Long[] t = slots;
        if (t == null) {
            if (off || ++unshared <= UNSHARED_ROWS) {
                return key;
            }
            t = new Long[FIRST_SLOTS];
            slots = t;
            keys = new long[FIRST_SLOTS];
        }
        long[] k = keys;
        int mask = t.length - 1;
        int i = hash(key) & mask;
        for (Long b = t[i]; b != null; b = t[i]) {
            if (k[i] == key) {
                hits++;
                return b;
            }
            i = (i + 1) & mask;
        }
        Long boxed = key;
        if (!frozen) {
            t[i] = boxed;
            k[i] = key;
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
            keys = null;
            off = true;
            return;
        }
        if (slots.length >= MAX_SLOTS) {
            frozen = true;
            return;
        }
        Long[] old = slots;
        long[] oldKeys = keys;
        Long[] t = new Long[old.length * 2];
        long[] k = new long[t.length];
        int mask = t.length - 1;
        for (int j = 0; j < old.length; j++) {
            if (old[j] != null) {
                int i = hash(oldKeys[j]) & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = old[j];
                k[i] = oldKeys[j];
            }
        }
        slots = t;
        keys = k;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "SharedKeys(" + size + " keys, " + hits + " shared" + (off ? ", off" : frozen ? ", full" : "") + ")";
    }
}
