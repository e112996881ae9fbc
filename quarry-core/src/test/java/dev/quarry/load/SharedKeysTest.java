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
    void keysThatDoNotRepeatStopTheTableSharingButNotTheWindow() {
        SharedKeys keys = new SharedKeys();
        for (long key = 1_000_000; key < 1_030_000; key++) {
            assertThat(keys.box(key)).isEqualTo(key);
        }
        // The window covers 4,096 keys either side of the first shared one (1,000,256); the table took the rest and gave up.
        assertThat(keys.toString()).contains("window 8192 from " + (1_000_256 - 4_096)).endsWith(", off)");
        Long outside = keys.box(1_029_999);
        assertThat(outside).isEqualTo(1_029_999L).isNotSameAs(keys.box(1_029_999));
        Long inside = keys.box(1_000_300);
        assertThat(inside).isEqualTo(1_000_300L).isSameAs(keys.box(1_000_300));
    }

    @Test
    void largeIncreasingKeysShareThroughTheWindowAroundTheFirstSharedKey() {
        SharedKeys keys = new SharedKeys();
        Random random = new Random(7);
        Set<Long> boxes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 20_000; i++) {
            long key = 50_000_000_000L + random.nextInt(3_000);
            Long boxed = keys.box(key);
            assertThat(boxed).isEqualTo(key);
            boxes.add(boxed);
        }
        assertThat(boxes).hasSizeLessThanOrEqualTo(3_000 + 256);
        assertThat(keys.toString()).contains("table 0 keys");
    }

    @Test
    void keysFarFromTheWindowWrapAroundWithoutTakingAnotherKeysBox() {
        SharedKeys keys = new SharedKeys();
        for (int i = 0; i < 256; i++) {
            keys.box(Long.MAX_VALUE - i);
        }
        // The window starts 4,096 below Long.MAX_VALUE - 256; Long.MIN_VALUE + k lies 4,353 + k past that base, modulo 2^64.
        Long top = keys.box(Long.MAX_VALUE - 256);
        for (long k = 0; k < 4_000; k++) {
            assertThat(keys.box(Long.MIN_VALUE + k)).isEqualTo(Long.MIN_VALUE + k);
        }
        assertThat(keys.box(Long.MAX_VALUE - 256)).isSameAs(top);
        assertThat(keys.box(Long.MIN_VALUE + 5)).isSameAs(keys.box(Long.MIN_VALUE + 5));
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
}
