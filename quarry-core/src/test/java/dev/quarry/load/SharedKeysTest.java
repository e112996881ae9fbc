package dev.quarry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The boxes of one foreign key column within one result (issue 13): keys that repeat are boxed once
 * each after the first 256 rows, keys that do not repeat stop the sharing, and every key comes back
 * equal to the one read.
 */
class SharedKeysTest {

    @Test
    void twentyThousandRowsOverTwoThousandParentsBoxEachParentAboutOnce() {
        SharedKeys keys = new SharedKeys();
        Random random = new Random(13);
        Set<Long> boxes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 20_000; i++) {
            long key = 1_000 + random.nextInt(2_000);
            Long boxed = keys.box(key);
            assertThat(boxed).isEqualTo(key);
            boxes.add(boxed);
        }
        // 2,000 parents at most, plus the first 256 rows boxed one by one.
        assertThat(boxes).hasSizeLessThanOrEqualTo(2_000 + 256);
        assertThat(keys.toString()).doesNotContain("off");
    }

    @Test
    void keysThatDoNotRepeatStopTheSharing() {
        SharedKeys keys = new SharedKeys();
        for (long key = 1_000; key < 21_000; key++) {
            assertThat(keys.box(key)).isEqualTo(key);
        }
        assertThat(keys.toString()).endsWith(", off)");
        Long again = keys.box(1_000);
        assertThat(again).isEqualTo(1_000L).isNotSameAs(keys.box(1_000));
    }

    @Test
    void smallKeysComeFromTheJdkCacheAndLargeOnesFromTheTableOnceItExists() {
        SharedKeys keys = new SharedKeys();
        assertThat(keys.box(-128)).isSameAs(Long.valueOf(-128));
        assertThat(keys.box(127)).isSameAs(Long.valueOf(127));
        for (int i = 0; i < 256; i++) {
            keys.box(5_000 + i);
        }
        Long first = keys.box(Long.MAX_VALUE);
        assertThat(keys.box(Long.MAX_VALUE)).isSameAs(first).isEqualTo(Long.MAX_VALUE);
        assertThat(keys.box(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void growingTheTableKeepsEachKeyWithItsOwnBoxUpToTheCap() {
        SharedKeys keys = new SharedKeys();
        for (int i = 0; i < 256; i++) {
            keys.box(1_000_000 + i); // the rows boxed one by one
        }
        // 7,000 keys, each read four times in a row: enough repeats to grow through every size to the cap.
        java.util.Map<Long, Long> first = new java.util.HashMap<>();
        for (long key = -3_500; key < 3_500; key++) {
            long k = key * 1_000_003L; // spread over the long range, negatives included
            for (int r = 0; r < 4; r++) {
                Long boxed = keys.box(k);
                assertThat(boxed).isEqualTo(k);
                first.putIfAbsent(k, boxed);
            }
        }
        // After every growth (and once full, when it only looks up), a key stored earlier comes back as its own box.
        int same = 0;
        for (java.util.Map.Entry<Long, Long> e : first.entrySet()) {
            Long again = keys.box(e.getKey());
            assertThat(again).isEqualTo(e.getKey());
            same += again == e.getValue() ? 1 : 0;
        }
        assertThat(keys.toString()).contains(", full)");
        assertThat(same).isGreaterThan(6_000); // the 6,144 keys the table holds at its cap
    }
}
