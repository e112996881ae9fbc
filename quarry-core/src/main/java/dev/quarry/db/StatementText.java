package dev.quarry.db;

import dev.quarry.sql.CompiledSql;
import java.util.Locale;

/**
 * How a statement appears in error messages and in the {@code quarry.sql} DEBUG log: with its
 * {@code ?} placeholders and the number of values, never the values (STYLE rule 12). A long run of
 * placeholders ({@code IN (?, ?, ...)}) or of identical groups ({@code VALUES (?, ?), (?, ?), ...})
 * is collapsed with its count, and a message shows at most about {@value #MAX} characters.
 */
public final class StatementText {
    /** About the most characters of a statement an error message shows. */
    static final int MAX = 1000;
    private static final int TAIL = 250;
    /** Runs of more placeholders (or identical groups) than this are collapsed. */
    private static final int RUN = 4;
    /** Groups longer than this are not compared for repetition; their contents are scanned instead. */
    private static final int GROUP_MAX = 200;

    private StatementText() {}

    /** The statement for an error message: collapsed, bounded, then {@code (n values)}. */
    public static String describe(CompiledSql sql) {
        return bounded(collapse(sql.sql())) + values(sql);
    }

    /** The {@code quarry.sql} DEBUG line: time, then the collapsed statement and its number of values. */
    public static String debugLine(CompiledSql sql, long nanos, boolean failed) {
        return String.format(Locale.ROOT, "(%.3f ms%s) %s%s", nanos / 1e6, failed ? ", failed" : "", collapse(sql.sql()),
                values(sql));
    }

    private static String values(CompiledSql sql) {
        int n = sql.params().size();
        return n == 0 ? "" : n == 1 ? " (1 value)" : " (" + n + " values)";
    }

    /** At most about {@value #MAX} characters: the head and the tail (where WHERE and LIMIT are), the middle counted. */
    static String bounded(String text) {
        if (text.length() <= MAX) {
            return text;
        }
        int head = MAX - TAIL;
        int tail = text.length() - TAIL;
        if (Character.isHighSurrogate(text.charAt(head - 1))) {
            head--;
        }
        if (Character.isLowSurrogate(text.charAt(tail))) {
            tail++;
        }
        return text.substring(0, head) + " ... (" + (tail - head) + " characters) ... " + text.substring(tail);
    }

    /** {@code sql} with long runs of placeholders or of identical short groups replaced by three of them and the count. */
    static String collapse(String sql) {
        int n = sql.length();
        StringBuilder out = new StringBuilder(Math.min(n, 4 * MAX));
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
                continue;
            }
            String unit = c == '?' ? "?" : c == '(' ? group(sql, i) : null;
            if (unit == null) {
                out.append(c);
                i++;
                continue;
            }
            int count = 1;
            int end = i + unit.length();
            while (true) {
                int k = skipSpace(sql, end);
                if (k >= n || sql.charAt(k) != ',') {
                    break;
                }
                k = skipSpace(sql, k + 1);
                if (!sql.startsWith(unit, k)) {
                    break;
                }
                count++;
                end = k + unit.length();
            }
            if (count > RUN) {
                out.append(unit).append(", ").append(unit).append(", ").append(unit).append(", ... (").append(count)
                        .append(" in all)");
            } else {
                out.append(sql, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    /** The short parenthesised group without nested parentheses or quotes starting at {@code i}, or {@code null}. */
    private static String group(String sql, int i) {
        int limit = Math.min(sql.length(), i + GROUP_MAX);
        for (int j = i + 1; j < limit; j++) {
            char c = sql.charAt(j);
            if (c == ')') {
                return sql.substring(i, j + 1);
            }
            if (c == '(' || c == '\'' || c == '"' || c == '`') {
                return null;
            }
        }
        return null;
    }

    private static int skipSpace(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
