package dev.quarry.backend.sqlite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text SQLite stores a timestamp as, {@code yyyy-MM-dd HH:mm:ss.SSSSSS} (microseconds, truncated): written
 * digit by digit for the years 1 to 9999 (a bulk insert writes one per row and field, and the formatter's
 * general machinery cost a third of such an insert), by the formatter itself outside them.
 */
final class SqliteTimestamps {
    static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SqliteTimestamps() {}

    /** The stored text of an instant, in UTC. */
    static String of(Instant i) {
        return of(LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC));
    }

    /** The stored text of a date-time. */
    static String of(LocalDateTime t) {
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            return WRITE.format(t);
        }
        char[] c = new char[26];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1000, 6);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
