package dev.quarry.query.typed;

/**
 * A typed path to a date field ({@code Book_.publishedDate}): the comparisons, and the date parts as
 * number paths ({@code Book_.publishedDate.year().eq(2020)} is
 * {@code Q.of("published_date__year", 2020)}). Date-time fields have {@link DateTimePath}.
 *
 * @param <T> the Java type of the field's values ({@code LocalDate})
 */
public class DatePath<T extends Comparable<? super T>> extends ComparablePath<T> {
    /** A path to a date field of values of {@code type}. */
    public DatePath(String path, Class<T> type) {
        super(path, type);
    }

    /** The calendar year ({@code __year}). */
    public final NumberPath<Integer> year() {
        return part("year");
    }

    /** The ISO 8601 week-numbering year ({@code __iso_year}). */
    public final NumberPath<Integer> isoYear() {
        return part("iso_year");
    }

    /** The quarter, 1 to 4 ({@code __quarter}). */
    public final NumberPath<Integer> quarter() {
        return part("quarter");
    }

    /** The month, 1 to 12 ({@code __month}). */
    public final NumberPath<Integer> month() {
        return part("month");
    }

    /** The ISO 8601 week number ({@code __week}). */
    public final NumberPath<Integer> week() {
        return part("week");
    }

    /** The day of the week, 1 (Sunday) to 7 (Saturday), as Django numbers it ({@code __week_day}). */
    public final NumberPath<Integer> weekDay() {
        return part("week_day");
    }

    /** The ISO 8601 day of the week, 1 (Monday) to 7 (Sunday) ({@code __iso_week_day}). */
    public final NumberPath<Integer> isoWeekDay() {
        return part("iso_week_day");
    }

    /** The day of the month ({@code __day}). */
    public final NumberPath<Integer> day() {
        return part("day");
    }

    final NumberPath<Integer> part(String name) {
        return new NumberPath<>(Paths.join(path(), name), Integer.class);
    }
}
