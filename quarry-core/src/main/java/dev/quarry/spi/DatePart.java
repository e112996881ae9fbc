package dev.quarry.spi;

/**
 * A part of a date or date-time that a transform extracts ({@code published_date__year},
 * {@code extract(x, "week_day")}) or cuts to ({@code trunc(x, "month")}); {@code DATE} and
 * {@code TIME} are the date and the time of day of a date-time ({@code __date}, {@code __time}).
 */
public enum DatePart {
    /** The calendar year ({@code __year}). */
    YEAR,
    /** The ISO 8601 week-numbering year ({@code __iso_year}). */
    ISO_YEAR,
    /** The quarter of the year, 1 to 4 ({@code __quarter}). */
    QUARTER,
    /** The month, 1 to 12 ({@code __month}). */
    MONTH,
    /** The ISO 8601 week number, 1 to 53 ({@code __week}). */
    WEEK,
    /** The day of the week, 1 (Sunday) to 7 (Saturday), as Django numbers it ({@code __week_day}). */
    WEEK_DAY,
    /** The ISO 8601 day of the week, 1 (Monday) to 7 (Sunday) ({@code __iso_week_day}). */
    ISO_WEEK_DAY,
    /** The day of the month ({@code __day}). */
    DAY,
    /** The hour, 0 to 23 ({@code __hour}). */
    HOUR,
    /** The minute, 0 to 59 ({@code __minute}). */
    MINUTE,
    /** The second, 0 to 59 ({@code __second}). */
    SECOND,
    /** The date of a date-time ({@code __date}). */
    DATE,
    /** The time of day of a date-time ({@code __time}). */
    TIME;

    /** Django's name for it ({@code week_day}). */
    public String lookupName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether it is a part of the time of day, which a date does not have. */
    public boolean isTimePart() {
        return this == HOUR || this == MINUTE || this == SECOND || this == TIME;
    }
}
