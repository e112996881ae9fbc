package dev.quarry.spi;

/**
 * A part of a date or date-time that a transform extracts ({@code published_date__year},
 * {@code extract(x, "week_day")}) or cuts to ({@code trunc(x, "month")}); {@code DATE} and
 * {@code TIME} are the date and the time of day of a date-time ({@code __date}, {@code __time}).
 */
public enum DatePart {
    YEAR, ISO_YEAR, QUARTER, MONTH, WEEK, WEEK_DAY, ISO_WEEK_DAY, DAY, HOUR, MINUTE, SECOND, DATE, TIME;

    /** Django's name for it ({@code week_day}). */
    public String lookupName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether it is a part of the time of day, which a date does not have. */
    public boolean isTimePart() {
        return this == HOUR || this == MINUTE || this == SECOND || this == TIME;
    }
}
