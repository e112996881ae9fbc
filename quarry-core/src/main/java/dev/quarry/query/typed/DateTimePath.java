package dev.quarry.query.typed;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A typed path to a date-time field ({@code Review_.createdAt}): the date parts of {@link DatePath},
 * the time parts, and the date or time of day as paths of their own
 * ({@code Review_.createdAt.date().eq(d)} is {@code Q.of("created_at__date", d)}).
 *
 * @param <T> the Java type of the field's values ({@code Instant}, {@code LocalDateTime})
 */
public final class DateTimePath<T extends Comparable<? super T>> extends DatePath<T> {
    /** A path to a date-time field of values of {@code type}. */
    public DateTimePath(String path, Class<T> type) {
        super(path, type);
    }

    /** The hour, 0 to 23 ({@code __hour}). */
    public NumberPath<Integer> hour() {
        return part("hour");
    }

    /** The minute, 0 to 59 ({@code __minute}). */
    public NumberPath<Integer> minute() {
        return part("minute");
    }

    /** The second, 0 to 59 ({@code __second}). */
    public NumberPath<Integer> second() {
        return part("second");
    }

    /** The date ({@code __date}). */
    public DatePath<LocalDate> date() {
        return new DatePath<>(Paths.join(path(), "date"), LocalDate.class);
    }

    /** The time of day ({@code __time}). */
    public ComparablePath<LocalTime> time() {
        return new ComparablePath<>(Paths.join(path(), "time"), LocalTime.class);
    }
}
