package dev.quarry.backend.mysql;

import dev.quarry.spi.SqlWriter;
import dev.quarry.spi.WindowCall;
import java.util.Locale;

/**
 * Window function calls as MariaDB accepts them, with the values PostgreSQL and SQLite give:
 * <ul>
 * <li>a frame only where the function reads one: MariaDB refuses a frame on a numbering or an offset
 *     ("Window frame is not allowed with 'row_number'"), which the other databases ignore;</li>
 * <li>{@code PERCENT_RANK} and {@code CUME_DIST} cast to {@code DOUBLE}: MariaDB types them
 *     {@code DOUBLE(17,10)} and the driver reads ten decimals ({@code 0.6666666667});</li>
 * <li>{@code LAG}/{@code LEAD} with a default, which MariaDB lacks, as a CASE on the row's position:
 *     {@code CASE WHEN ROW_NUMBER() OVER (w) > k THEN LAG(x, k) OVER (w) ELSE d END} (for {@code LEAD},
 *     {@code COUNT(*) OVER (partition) - ROW_NUMBER() OVER (w) >= k}), so a NULL read from a row that
 *     exists stays NULL, as elsewhere.</li>
 * </ul>
 */
final class MysqlWindows {
    private MysqlWindows() {}

    static void write(SqlWriter w, WindowCall c) {
        boolean frame = c.readsFrame();
        switch (c.function()) {
            case "PercentRank", "CumeDist" -> {
                w.sql("CAST(");
                c.call().run();
                c.over(w, frame);
                w.sql(" AS DOUBLE)");
            }
            case "Lag", "Lead" -> {
                if (c.arguments().size() == 3) {
                    offsetWithDefault(w, c);
                } else {
                    c.call().run();
                    c.over(w, frame);
                }
            }
            default -> {
                c.call().run();
                c.over(w, frame);
            }
        }
    }

    private static void offsetWithDefault(SqlWriter w, WindowCall c) {
        boolean lag = c.function().equals("Lag");
        w.sql("CASE WHEN ");
        if (!lag) {
            w.sql("COUNT(*)");
            c.over(w, false, false);
            w.sql(" - ");
        }
        w.sql("ROW_NUMBER()");
        c.over(w, false);
        w.sql(lag ? " > " : " >= ");
        c.arguments().get(1).run();
        w.sql(" THEN ").sql(c.function().toUpperCase(Locale.ROOT)).sql("(");
        c.arguments().get(0).run();
        w.sql(", ");
        c.arguments().get(1).run();
        w.sql(")");
        c.over(w, false);
        w.sql(" ELSE ");
        c.arguments().get(2).run();
        w.sql(" END");
    }
}
