package dev.quarry.extremes;

import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InvalidValueError;
import dev.quarry.spi.Feature;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import dev.quarry.test.RequiresFeature;
import dev.quarry.test.SkipIfFeature;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decimals at the edge of their declared digits: all 38 digits (28 whole, 10 places) round-trip, filter,
 * order and sum exactly where the database has exact decimals (PostgreSQL and MariaDB {@code numeric}); SQLite,
 * whose {@code decimal} columns keep 64-bit floats, refuses before SQL a value with more than 15 significant
 * digits instead of storing a rounded one, and keeps those with 15 exactly.
 */
@QuarryTest(models = {Ledger.class})
class HugeDecimalsTest {
    private static final String LARGEST = "9999999999999999999999999999.9999999999";
    private static final String SMALLEST = "-9999999999999999999999999999.9999999999";
    private static final String TINY = "0.0000000001";

    @Test
    @RequiresFeature(Feature.EXACT_DECIMALS)
    void allDeclaredDigitsRoundTripFilterOrderAndSumExactly(Queries queries) {
        queries.assertNumQueries(3, () -> {
            Ledger.of("largest", LARGEST).save();
            Ledger.of("smallest", SMALLEST).save();
            Ledger.of("tiny", TINY).save();
        });
        queries.assertNumQueries(5, () -> {
            assertThat(Ledger.objects.get("name", "largest").amount).isEqualByComparingTo(LARGEST);
            assertThat(Ledger.objects.get("amount", new BigDecimal(SMALLEST)).name).isEqualTo("smallest");
            assertThat(Ledger.objects.filter("amount__gt", new BigDecimal("9999999999999999999999999999.9999999998"))
                    .valuesList("name", String.class).list()).containsExactly("largest");
            assertThat(Ledger.objects.orderBy("amount").valuesList("name", String.class).list())
                    .containsExactly("smallest", "tiny", "largest");
            // LARGEST + SMALLEST cancel out: a float sum would lose the tiny part.
            assertThat(new BigDecimal(Ledger.objects.aggregate(sum("amount", BigDecimal.class)).toString()))
                    .isEqualByComparingTo(TINY);
        });
        assertThat(Ledger.objects.aggregate(max("amount", BigDecimal.class))).isEqualByComparingTo(LARGEST);
    }

    @Test
    @SkipIfFeature(Feature.EXACT_DECIMALS)
    void withoutExactDecimalsMoreThanFifteenDigitsAreRefusedNotRounded(Queries queries) {
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Ledger.of("largest", LARGEST).save())
                .isInstanceOf(InvalidValueError.class).hasMessageContaining("Ledger.amount")
                .hasMessageContaining("exact to 15 significant digits, and this value has 38"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Ledger.objects.bulkCreate(
                List.of(Ledger.of("ok", "1.5"), Ledger.of("tiny-and-large", "12345678.0000000001"))))
                .isInstanceOf(InvalidValueError.class));
        queries.assertNumQueries(3, () -> {
            Ledger.of("fifteen", "12345.6789012345").save();
            Ledger.of("tiny", TINY).save();
            assertThat(Ledger.objects.orderBy("amount").valuesList("amount", BigDecimal.class).list())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal(TINY), new BigDecimal("12345.6789012345"));
        });
    }
}
