package dev.quarry.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InvalidValueError;
import dev.quarry.spi.Feature;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.RequiresFeature;
import dev.quarry.test.SkipIfFeature;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * NaN and the infinities are stored faithfully where the database can (PostgreSQL: all three;
 * SQLite: the infinities) and refused with an {@link InvalidValueError} before any SQL where it
 * cannot: SQLite would store NaN as NULL without a word, and MariaDB fails with
 * "Unknown column 'NaN'". The capabilities are {@link Feature#FLOAT_NAN} and
 * {@link Feature#FLOAT_INFINITY}.
 */
@QuarryTest(models = {Reading.class})
class NonFiniteFloatsTest {

    private static void refused(Queries queries, String field, String feature, ThrowingCallable work) {
        queries.assertNumQueries(0, () -> assertThatThrownBy(work).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining(field).hasMessageContaining(feature));
    }

    @Test
    @RequiresFeature(Feature.FLOAT_NAN)
    void nanIsStoredAndComparedWhereTheDatabaseHasIt() {
        Reading.of("nan", Double.NaN).save();
        Reading.of("one", 1.0).save();
        Reading single = Reading.of("single", null);
        single.single = Float.NaN;
        single.save();
        assertThat(Reading.objects.get("name", "nan").value).isNaN();
        assertThat(Reading.objects.get("name", "single").single).isNaN();
        // PostgreSQL sorts NaN above every number and finds it equal to itself.
        assertThat(Reading.objects.filter("value", Double.NaN).valuesList("name", String.class).list()).containsExactly("nan");
        assertThat(Reading.objects.exclude("value", Double.NaN).valuesList("name", String.class).list())
                .containsExactlyInAnyOrder("one", "single");
    }

    @Test
    @RequiresFeature(Feature.FLOAT_INFINITY)
    void infinitiesAreStoredAndComparedWhereTheDatabaseHasThem() {
        Reading.of("plus", Double.POSITIVE_INFINITY).save();
        Reading.of("minus", Double.NEGATIVE_INFINITY).save();
        Reading.of("zero", 0.0).save();
        Reading single = Reading.of("single", null);
        single.single = Float.NEGATIVE_INFINITY;
        single.save();
        Reading.objects.bulkCreate(List.of(Reading.of("bulk", Double.POSITIVE_INFINITY)));
        assertThat(Reading.objects.get("name", "plus").value).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Reading.objects.get("name", "minus").value).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Reading.objects.get("name", "single").single).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Reading.objects.filter("value__isnull", false).orderBy("value", "name").valuesList("name", String.class).list())
                .containsExactly("minus", "zero", "bulk", "plus");
        assertThat(Reading.objects.filter("value__gt", Double.MAX_VALUE).count()).isEqualTo(2);
        assertThat(Reading.objects.filter("value", Double.NEGATIVE_INFINITY).valuesList("name", String.class).list())
                .containsExactly("minus");
        assertThat(Reading.objects.filter("name", "zero").update("value", Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(Reading.objects.filter("value", Double.POSITIVE_INFINITY).count()).isEqualTo(3);
    }

    @Test
    @SkipIfFeature(Feature.FLOAT_NAN)
    void nanIsRefusedBeforeAnySqlWhereTheDatabaseCannotStoreIt(Queries queries) {
        Reading.of("one", 1.0).save();
        refused(queries, "Reading.value", "FLOAT_NAN", () -> Reading.of("nan", Double.NaN).save());
        refused(queries, "Reading.value", "FLOAT_NAN", () -> Reading.objects.create(Map.of("name", "nan", "value", "NaN")));
        refused(queries, "Reading.value", "FLOAT_NAN",
                () -> Reading.objects.bulkCreate(List.of(Reading.of("a", 2.0), Reading.of("b", Double.NaN))));
        refused(queries, "Reading.single", "FLOAT_NAN", () -> {
            Reading r = Reading.of("single", null);
            r.single = Float.NaN;
            r.save();
        });
        refused(queries, "Reading.value", "FLOAT_NAN", () -> Reading.objects.all().update("value", Double.NaN));
        // SQLite would bind NaN as NULL: filter() would match nothing and exclude() everything.
        refused(queries, "Reading.value", "FLOAT_NAN", () -> Reading.objects.filter("value", Double.NaN).count());
        refused(queries, "Reading.value", "FLOAT_NAN", () -> Reading.objects.exclude("value__in", List.of(1.0, Double.NaN)).list());
        assertThat(Reading.objects.valuesList("name", String.class).list()).containsExactly("one");
        assertThat(Reading.objects.get("name", "one").value).isEqualTo(1.0);
    }

    @Test
    @SkipIfFeature(Feature.FLOAT_INFINITY)
    void infinitiesAreRefusedBeforeAnySqlWhereTheDatabaseCannotStoreThem(Queries queries) {
        refused(queries, "Reading.value", "FLOAT_INFINITY", () -> Reading.of("plus", Double.POSITIVE_INFINITY).save());
        refused(queries, "Reading.value", "FLOAT_INFINITY", () -> Reading.of("minus", Double.NEGATIVE_INFINITY).save());
        refused(queries, "Reading.value", "FLOAT_INFINITY", () -> Reading.objects.create(Map.of("value", "-Infinity")));
        refused(queries, "Reading.value", "FLOAT_INFINITY", () -> Reading.objects.all().update("value", Double.POSITIVE_INFINITY));
        refused(queries, "Reading.value", "FLOAT_INFINITY", () -> Reading.objects.filter("value__lt", Double.POSITIVE_INFINITY).count());
        assertThat(Reading.objects.count()).isZero();
    }
}
