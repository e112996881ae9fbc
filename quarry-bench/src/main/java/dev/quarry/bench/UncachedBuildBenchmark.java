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
 * <p>Why each call of {@link #w9Uncached} is uncached:
 * <ul>
 * <li>The limit changes on every call, cycling over {@value #LIMITS} values. A limit is part of its
 * step's key in the registry's shapes ({@code dev.quarry.Shapes}), and a node keeps about 16 paging
 * steps (limit, offset, slice) after it, so the first calls use them up. From then on a limit step
 * never finds its node and cannot add one, so the QuerySet has no shape, and {@code sql()} compiles
 * its tree without the compiled-query cache ({@code Loader.describe}), whose entries are keyed by a
 * shape anyway (at most 1,024 of them, and the limit is written into the text).</li>
 * <li>The filter's value changes on every call too, cycling over {@value #VALUES} values. Its step
 * finds its node (the value is a parameter), but the QuerySets before the limit are new ones with
 * no tree built: a QuerySet keeps the last step built on it (ADR 0024) and a plan keeps its tree once
 * built, so with the same value on every call the limit would find the tree of the four steps before
 * it already built and only add itself ({@link #w9NextPage} measures that).</li>
 * </ul>
 * So every call pays what issue 13 calls the uncached path: one tree built from five steps, then
 * compiled to SQL text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UncachedBuildBenchmark extends CompileOnlyQuarry {
    /** How many different limits the calls cycle over: far more than the shapes (4,096) or the compiled cache (1,024) hold. */
    static final int LIMITS = 1 << 20;

    /** How many different filter values the calls cycle over (any number above one keeps each call's trees new). */
    static final int VALUES = 64;

    private int next;

    /** W9's query without its limit, built once: a listing's base, paged through with a new limit each call. */
    private dev.quarry.QuerySet<Author> base;

    /**
     * A page of W9's base query past the pages its shapes keep: the limit is new, so the step has no
     * shape and the tree is built; the base's own tree is folded once and kept on its plan, so a call
     * costs one limit step and a compile (before that was kept, it folded the base's four steps too).
     */
    @Benchmark
    public int w9NextPage() {
        if (base == null) {
            base = Author.objects.annotate("avg_book_rating", avg("books__review__rating"))
                    .annotate("review_count", count("books__review"))
                    .filter("review_count__gt", 10).orderBy("-avg_book_rating", "id");
        }
        int limit = 10 + (next++ & (LIMITS - 1));
        return base.limit(limit).sql().text().length();
    }

    /** Builds and compiles W9 with a limit not seen lately; returns the SQL's length so that nothing is optimised away. */
    @Benchmark
    public int w9Uncached() {
        int limit = 10 + (next++ & (LIMITS - 1));
        return Author.objects.annotate("avg_book_rating", avg("books__review__rating"))
                .annotate("review_count", count("books__review"))
                .filter("review_count__gt", 10 + (next & (VALUES - 1))).orderBy("-avg_book_rating", "id").limit(limit)
                .sql().text().length();
    }
}
