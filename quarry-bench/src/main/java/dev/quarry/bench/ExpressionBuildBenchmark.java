package dev.quarry.bench;

import static dev.quarry.expr.Functions.upper;

import dev.quarry.example.library.Review;
import dev.quarry.expr.F;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W9 with expressions (issue 8): building and compiling, without running, a query with three
 * expressions: an F with arithmetic across two relations in a filter, F arithmetic in an annotation,
 * a function in an annotation, ordered by an expression, on the Quarry of {@link CompileOnlyQuarry}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExpressionBuildBenchmark extends CompileOnlyQuarry {
    /** Builds and compiles the query; returns the SQL's length so that nothing is optimised away. */
    @Benchmark
    public int w9ThreeExpressions() {
        return Review.objects.filter("rating__gte", F.of("book__author__id").mod(5))
                .annotate("score", F.of("rating").times(2).plus(1))
                .annotate("shout", upper(F.of("user_name")))
                .orderBy(F.of("rating").desc())
                .sql().text().length();
    }
}
