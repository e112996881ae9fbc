package dev.quarry.backend.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SQLite stores timestamps as text; the digit-by-digit writer gives exactly what the formatter gives. */
class SqliteTimestampsTest {
    @Test
    void writesWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(13);
        long min = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long max = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
        for (int n = 0; n < 100_000; n++) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000), ZoneOffset.UTC);
            assertThat(SqliteTimestamps.of(t)).isEqualTo(SqliteTimestamps.WRITE.format(t));
            Instant i = t.toInstant(ZoneOffset.UTC);
            assertThat(SqliteTimestamps.of(i)).isEqualTo(SqliteTimestamps.WRITE.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)));
        }
    }

    @Test
    void edgesAndYearsOutsideFourDigitsGoThroughTheFormatter() {
        for (LocalDateTime t : List.of(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(2025, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1_000),
                LocalDateTime.of(0, 6, 1, 0, 0), LocalDateTime.of(-44, 3, 15, 12, 0), LocalDateTime.of(10_000, 1, 1, 0, 0))) {
            assertThat(SqliteTimestamps.of(t)).isEqualTo(SqliteTimestamps.WRITE.format(t));
        }
        assertThat(SqliteTimestamps.of(Instant.parse("2025-01-01T00:00:00.123456789Z"))).isEqualTo("2025-01-01 00:00:00.123456");
    }
}
