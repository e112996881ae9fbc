package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.StaleObjectError;
import dev.quarry.TransactionConflictError;
import dev.quarry.annotation.VersionField;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @VersionField}: every save of an existing row raises the version and matches only the
 * version the instance was loaded with; a stale save writes nothing and throws
 * {@link StaleObjectError}, a retryable {@link TransactionConflictError} naming the model.
 */
@QuarryTest(models = {Stock.class})
class OptimisticLockingTest {

    @Test
    void aNewRowStartsAtZeroAndEverySaveRaisesTheVersionInOneStatement(Queries queries) {
        Stock s = Stock.of("bolts", 1);
        assertThat(s.version).isZero();
        assertThat(Stock.objects.get("pk", s.id).version).isZero();
        s.qty = 2;
        List<ExecutedQuery> seen = queries.assertNumQueries(1, s::save);
        assertThat(seen.get(0).sql()).startsWith("UPDATE").containsPattern("WHERE .id. = \\? AND .version. = \\?");
        assertThat(s.version).isEqualTo(1);
        s.save();
        assertThat(s.version).isEqualTo(2);
        assertThat(Stock.objects.get("pk", s.id).version).isEqualTo(2);
    }

    @Test
    void theSecondOfTwoSavesFromTheSameVersionIsRefusedAndWritesNothing(Quarry db) {
        Stock.of("bolts", 10);
        Stock mine = Stock.objects.get("name", "bolts");
        Stock theirs = Stock.objects.get("name", "bolts");
        theirs.qty = 7;
        theirs.save();
        mine.qty = 9;
        StaleObjectError e = catchThrowableOfType(StaleObjectError.class, mine::save);
        assertThat(e).isInstanceOf(TransactionConflictError.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.model()).isEqualTo(Stock.class);
        assertThat(e.key()).isEqualTo(mine.id);
        assertThat(e.version()).isZero();
        assertThat(e.getMessage()).contains("Stock").contains("version 0").doesNotContain(String.valueOf(mine.id) + ")");
        assertThat(e.sql()).contains("?");
        assertThat(mine.version).as("unchanged by the refused save").isZero();
        assertThat(Stock.objects.get("name", "bolts").qty).isEqualTo(7);
        // The remedy: load again, repeat the change, save.
        mine.refreshFromDb();
        mine.qty = 9;
        mine.save();
        assertThat(Stock.objects.get("name", "bolts").qty).isEqualTo(9);
    }

    @Test
    void aSaveOfADeletedRowIsStaleRatherThanAnInsert() {
        Stock s = Stock.of("bolts", 1);
        Stock.objects.filter("pk", s.id).delete();
        assertThatThrownBy(s::save).isInstanceOf(StaleObjectError.class);
        assertThat(Stock.objects.exists()).isFalse();
    }

    @Test
    void saveOnlyChecksAndRaisesTheVersionToo(Queries queries) {
        Stock s = Stock.of("bolts", 1);
        s.qty = 3;
        List<ExecutedQuery> seen = queries.assertNumQueries(1, () -> s.saveOnly("qty"));
        assertThat(seen.get(0).sql()).contains("version");
        assertThat(s.version).isEqualTo(1);
        Stock other = Stock.objects.get("pk", s.id);
        other.saveOnly("qty");
        assertThatThrownBy(() -> s.saveOnly("qty")).isInstanceOf(StaleObjectError.class);
    }

    @Test
    void updateAndBulkUpdateRaiseTheVersionWithoutCheckingSoEarlierInstancesAreStale() {
        Stock a = Stock.of("a", 1);
        Stock b = Stock.of("b", 1);
        Stock aBefore = Stock.objects.get("pk", a.id);
        Stock.objects.filter("name", "a").update("qty", 5);
        assertThat(Stock.objects.get("pk", a.id).version).isEqualTo(1);
        assertThatThrownBy(aBefore::save).isInstanceOf(StaleObjectError.class);
        assertThatThrownBy(() -> Stock.objects.update("version", 3)).isInstanceOf(FieldError.class)
                .hasMessageContaining("version field");

        a.refreshFromDb();
        a.qty = 8;
        b.qty = 8;
        Stock.objects.bulkUpdate(List.of(a, b), "qty");
        assertThat(Stock.objects.valuesList("version", Long.class).list()).containsExactlyInAnyOrder(2L, 1L);
        // The instances written hold their new version and save again without a conflict.
        a.save();
        b.save();
        assertThatThrownBy(() -> Stock.objects.bulkUpdate(List.of(a), "version")).isInstanceOf(FieldError.class);
    }

    @Test
    void theVersionIsReadAndWrittenLikeAnyFieldElsewhere() {
        Stock s = Stock.objects.create(Map.of("name", "bolts", "qty", 1));
        assertThat(Stock.objects.filter("version", 0).count()).isEqualTo(1);
        s.save();
        assertThat(Stock.objects.values("version").list()).containsExactly(Map.of("version", 1L));
    }

    /** Two version fields on one model. */
    public static class TwoVersions extends Model {
        public static final Manager<TwoVersions> objects = Manager.of(TwoVersions.class);

        @VersionField
        public long version;

        @VersionField
        public long revision;
    }

    @Test
    void aModelWithTwoVersionFieldsIsRefused() {
        assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(TwoVersions.class).build())
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("two @VersionField");
    }
}
