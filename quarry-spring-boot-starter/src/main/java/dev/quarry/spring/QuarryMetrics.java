package dev.quarry.spring;

import dev.quarry.ExecutedQuery;
import dev.quarry.Quarry;
import dev.quarry.QueryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer timers of the statements Quarry runs: {@code quarry.queries}, tagged with the database
 * name and the statement kind ({@code select}, {@code insert}, {@code update}, {@code delete},
 * {@code other}); never the SQL text, whose variety would make a meter per query. Registered on the
 * application's {@code MeterRegistry} when there is one.
 */
public final class QuarryMetrics {
    /** The timer's name. */
    public static final String TIMER = "quarry.queries";

    /** Times {@code quarry}'s statements on the registry, if one is available. */
    public QuarryMetrics(Quarry quarry, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry r = registry.getIfAvailable();
        if (r == null) {
            return;
        }
        for (String database : quarry.databases()) {
            quarry.addQueryListener(database, listener(r, database));
        }
    }

    private static QueryListener listener(MeterRegistry registry, String database) {
        Timer[] timers = new Timer[Kind.values().length];
        for (Kind k : Kind.values()) {
            timers[k.ordinal()] = Timer.builder(TIMER).description("Statements run by Quarry").tag("database", database)
                    .tag("statement", k.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        return (ExecutedQuery q) -> timers[Kind.of(q.sql()).ordinal()].record(q.nanos(), TimeUnit.NANOSECONDS);
    }

    /** The kind of a statement, by its first word. */
    enum Kind {
        SELECT, INSERT, UPDATE, DELETE, OTHER;

        static Kind of(String sql) {
            int i = 0;
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            for (Kind k : values()) {
                if (k != OTHER && sql.regionMatches(true, i, k.name(), 0, k.name().length())) {
                    return k;
                }
            }
            // WITH ... SELECT and the like
            return sql.regionMatches(true, i, "WITH", 0, 4) ? SELECT : OTHER;
        }
    }
}
