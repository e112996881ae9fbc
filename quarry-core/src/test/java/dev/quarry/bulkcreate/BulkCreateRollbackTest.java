package dev.quarry.bulkcreate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.IntegrityError;
import dev.quarry.Quarry;
import dev.quarry.test.Committing;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instances that {@code bulkCreate} inserted lose their generated keys and their persisted state when
 * the rows are rolled back: by bulkCreate's own transaction failing in a later batch, or by an
 * enclosing transaction rolling back afterwards. They kept the keys of rows that no longer existed,
 * so a later {@code save()} updated nothing and inserted with a stale key.
 */
@QuarryTest(models = {Owner.class, Badge.class})
class BulkCreateRollbackTest {

    private static List<Badge> badges(String prefix, int n) {
        List<Badge> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Badge.of(prefix + i));
        }
        return out;
    }

    private static void assertForgotten(List<Badge> list) {
        assertThat(list).allSatisfy(b -> {
            assertThat(b.id).isNull();
            assertThat(b.isPersisted()).isFalse();
        });
    }

    @Test
    void aBulkCreateThatFailsInALaterBatchLeavesNoInstanceWithAKey() {
        Badge.of("taken").save();
        List<Badge> list = badges("b", 250);
        list.set(220, Badge.of("taken"));
        // Batches of 100: the first two are inserted, the third violates the unique name.
        assertThatThrownBy(() -> Badge.objects.bulkCreate(list, 100)).isInstanceOf(IntegrityError.class);
        assertForgotten(list);
        assertThat(Badge.objects.count()).isEqualTo(1);
    }

    @Test
    void anEnclosingTransactionThatRollsBackTakesTheKeysWithIt(Quarry quarry) {
        List<Badge> list = badges("b", 150);
        assertThatThrownBy(() -> quarry.atomic().run(() -> {
            Badge.objects.bulkCreate(list, 100);
            assertThat(list).allSatisfy(b -> assertThat(b.id).isNotNull());
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        assertForgotten(list);
        assertThat(Badge.objects.count()).isZero();
        // The instances can be inserted again, with new keys.
        Badge.objects.bulkCreate(list);
        assertThat(list).allSatisfy(b -> assertThat(b.isPersisted()).isTrue());
        assertThat(Badge.objects.count()).isEqualTo(150);
    }

    @Test
    void aRolledBackOuterBlockUndoesABulkCreateWhoseOwnBlockCommitted(Quarry quarry) {
        List<Badge> kept = badges("kept", 3);
        List<Badge> undone = badges("undone", 3);
        quarry.atomic().run(() -> {
            Badge.objects.bulkCreate(kept);
            assertThatThrownBy(() -> quarry.atomic().run(() -> {
                quarry.atomic().run(() -> Badge.objects.bulkCreate(undone));
                throw new IllegalStateException("inner block fails after its nested block was released");
            })).isInstanceOf(IllegalStateException.class);
        });
        assertForgotten(undone);
        assertThat(kept).allSatisfy(b -> assertThat(b.id).isNotNull());
        assertThat(Badge.objects.orderBy("name").valuesList("name", String.class).list())
                .containsExactly("kept0", "kept1", "kept2");
    }

    @Test
    void anInstanceSavedInARolledBackTransactionKeepsItsKeyAsInDjango(Quarry quarry) {
        Badge b = Badge.of("saved");
        assertThatThrownBy(() -> quarry.atomic().run(() -> {
            b.save();
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        // Only bulkCreate undoes instance state (Django leaves model state alone on rollback).
        assertThat(b.id).isNotNull();
        assertThat(Badge.objects.count()).isZero();
        b.save();
        assertThat(Badge.objects.get("name", "saved").id).isEqualTo(b.id);
    }

    @Test
    @Committing
    void aForeignKeyRefusedAtCommitAlsoTakesTheKeysBack() {
        Owner owner = new Owner();
        owner.name = "o";
        owner.save();
        List<Badge> list = badges("b", 3);
        list.forEach(b -> b.owner.set(owner));
        list.get(2).owner.setId(owner.id + 1_000_000);
        // SQLite and PostgreSQL check the deferred key at COMMIT, after the INSERT returned keys;
        // MariaDB refuses the INSERT itself.
        assertThatThrownBy(() -> Badge.objects.bulkCreate(list)).isInstanceOf(IntegrityError.class);
        assertForgotten(list);
        assertThat(Badge.objects.count()).isZero();
    }
}
