package dev.quarry.spi;

import java.util.List;

/**
 * One window function call, {@code function(arguments) OVER (PARTITION BY ... ORDER BY ... frame)},
 * in parts for {@link Operations#window}: a backend that cannot write it as the standard says
 * rewrites it from them. Each writer may run more than once; a clause that is absent is {@code null}.
 *
 * @param function the function's name: a built-in's ({@code "Rank"}, {@code "Lag"}) or an aggregate's
 *     SQL name ({@code "SUM"})
 * @param call writes the call without its window ({@code LAG(x, ?, ?)}), the backend's way
 * @param arguments write the arguments one by one (none for an aggregate)
 * @param types the kinds of the arguments
 * @param result the kind of the result
 * @param readsFrame whether the function reads the frame (aggregates, {@code FirstValue},
 *     {@code LastValue}, {@code NthValue}); numberings and offsets see the whole partition
 * @param partitionBy writes {@code PARTITION BY ...}, or {@code null}
 * @param orderBy writes {@code ORDER BY ...}, or {@code null}
 * @param frame writes {@code ROWS|RANGE BETWEEN ... AND ...}, or {@code null}
 */
public record WindowCall(String function, Runnable call, List<Runnable> arguments, List<FieldType> types,
                         FieldType result, boolean readsFrame, Runnable partitionBy, Runnable orderBy, Runnable frame) {
    /** Copies the lists. */
    public WindowCall {
        arguments = List.copyOf(arguments);
        types = List.copyOf(types);
    }

    /** Writes {@code  OVER (...)} with the clauses present, the frame only when {@code withFrame}. */
    public void over(SqlWriter w, boolean withFrame) {
        over(w, true, withFrame);
    }

    /** Writes {@code  OVER (...)} with the partition, the order when {@code withOrder}, the frame when {@code withFrame}. */
    public void over(SqlWriter w, boolean withOrder, boolean withFrame) {
        w.sql(" OVER (");
        boolean space = false;
        for (Runnable part : new Runnable[] {partitionBy, withOrder ? orderBy : null, withFrame ? frame : null}) {
            if (part != null) {
                w.sql(space ? " " : "");
                part.run();
                space = true;
            }
        }
        w.sql(")");
    }
}
