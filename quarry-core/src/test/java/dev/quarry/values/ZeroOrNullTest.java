package dev.quarry.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A zero, {@code false} and {@code 0.0} read back as values and SQL NULL as {@code null}, for every column kind whose
 * JDBC getter returns 0 or {@code false} for NULL (so the readers ask {@code wasNull()} only about a 0), through a
 * loaded instance, {@code valuesList}, a foreign key's own column and a related row joined by {@code selectRelated}.
 */
@QuarryTest(models = {Bay.class, Tally.class})
class ZeroOrNullTest {

    private static Bay bay(long number) {
        Bay b = new Bay();
        b.number = number;
        b.name = "bay " + number;
        b.save();
        return b;
    }

    /** The nullable columns as a list, in declaration order. */
    private static List<Object> columns(Tally t) {
        return Arrays.asList(t.count, t.grade, t.mass, t.dry, t.ratio, t.length, t.bay.id());
    }

    private static void saveThree() {
        Tally zero = Tally.named("zero");
        zero.count = 0;
        zero.grade = 0;
        zero.mass = 0L;
        zero.dry = false;
        zero.ratio = 0.0;
        zero.length = Duration.ZERO;
        zero.bay.set(bay(0));
        zero.save();
        Tally.named("null").save();
        Tally one = Tally.named("one");
        one.count = -1;
        one.grade = 1;
        one.mass = 1L;
        one.dry = true;
        one.ratio = 0.5;
        one.length = Duration.ofNanos(1000);
        one.bay.set(bay(1));
        one.save();
    }

    @Test
    void zeroFalseAndNullReadBackAsTheyWereSaved(Queries queries) {
        saveThree();
        List<Tally> rows = queries.assertNumQueries(1, () -> Tally.objects.orderBy("name").list());
        assertThat(rows).extracting(t -> t.name).containsExactly("null", "one", "zero");
        assertThat(columns(rows.get(0))).containsOnlyNulls();
        assertThat(columns(rows.get(1))).containsExactly(-1, (short) 1, 1L, true, 0.5, Duration.ofNanos(1000), 1L);
        assertThat(columns(rows.get(2))).containsExactly(0, (short) 0, 0L, false, 0.0, Duration.ZERO, 0L);
    }

    @Test
    void valuesListReadsZeroAndNullApart() {
        saveThree();
        assertThat(Tally.objects.orderBy("name").valuesList("mass", Long.class).list()).containsExactly(null, 1L, 0L);
        assertThat(Tally.objects.orderBy("name").valuesList("dry", Boolean.class).list()).containsExactly(null, true, false);
        assertThat(Tally.objects.orderBy("name").valuesList("ratio", Double.class).list()).containsExactly(null, 0.5, 0.0);
        assertThat(Tally.objects.orderBy("name").valuesList("count", Integer.class).list()).containsExactly(null, -1, 0);
        assertThat(Tally.objects.orderBy("name").valuesList("bay", Long.class).list()).containsExactly(null, 1L, 0L);
    }

    @Test
    void aRelatedRowKeyedZeroIsJoinedAndAMissingOneIsNot(Queries queries) {
        saveThree();
        List<Tally> rows = queries.assertNumQueries(1, () -> Tally.objects.selectRelated("bay").orderBy("name").list());
        assertThat(rows.get(0).bay.id()).isNull();
        assertThat(rows.get(2).bay.get().name).isEqualTo("bay 0");
        assertThat(rows.get(1).bay.get().number).isEqualTo(1L);
        // Filtering on zero finds the zero row, not the NULL one.
        assertThat(Tally.objects.filter("mass", 0).valuesList("name", String.class).list()).containsExactly("zero");
        assertThat(Tally.objects.filter("bay", 0).valuesList("name", String.class).list()).containsExactly("zero");
    }
}
