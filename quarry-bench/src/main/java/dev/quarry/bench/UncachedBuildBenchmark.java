package dev.quarry.bench;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;

import dev.quarry.example.library.Author;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W9 with nothing cached (issue 13): building and compiling, without running, the guide's
 * top-authors query ({@code QuarryWorkloads.topAuthors}) when neither its shape nor its compiled
 * SQL is known, on the Quarry of {@link CompileOnlyQuarry}.
 *
 * <p>Why each call is uncached: the limit changes on every call, cycling over {@value #LIMITS}
 * values. A limit is part of its step's key in the registry's shapes ({@code dev.quarry.Shapes}),
 * so each new limit would be a new node; a node keeps about 16 paging steps (limit, offset, slice)
 * after it, so that paging cannot use up the registry's 4,096 nodes, and the first calls use them
 * up. From then on a limit step never finds its node and cannot add one, so the QuerySet has no shape: its tree is built from all its steps (the four
 * steps before the limit do find their nodes, which only prepares the filter's value and leaves
 * the tree unbuilt until the limit needs it), and {@code sql()} compiles that tree without the
 * compiled-query cache ({@code Loader.describe}), whose entries are keyed by a shape anyway (at
 * most 1,024 of them, and the limit is written into the text, so no two of the calls' texts are
 * the same within a cycle). So every call pays what issue 13 calls the uncached path: one tree
 * built from five steps, then compiled to SQL text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UncachedBuildBenchmark extends CompileOnlyQuarry {
    /** How many different limits the calls cycle over: far more than the shapes (4,096) or the compiled cache (1,024) hold. */
    static final int LIMITS = 1 << 20;

    private int next;

    /** Builds and compiles W9 with a limit not seen lately; returns the SQL's length so that nothing is optimised away. */
    @Benchmark
    public int w9Uncached() {
        int limit = 10 + (next++ & (LIMITS - 1));
        return Author.objects.annotate("avg_book_rating", avg("books__review__rating"))
                .annotate("review_count", count("books__review"))
                .filter("review_count__gt", 10).orderBy("-avg_book_rating", "id").limit(limit)
                .sql().text().length();
    }
}
