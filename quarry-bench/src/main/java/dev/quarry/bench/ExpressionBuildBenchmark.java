package dev.quarry.bench;

import static dev.quarry.expr.Functions.upper;

import dev.quarry.Quarry;
import dev.quarry.example.library.Author;
import dev.quarry.example.library.Book;
import dev.quarry.example.library.Review;
import dev.quarry.example.library.Tag;
import dev.quarry.expr.F;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W9 with expressions (issue 8): building and compiling, without running, a query with three
 * expressions: an F with arithmetic across two relations in a filter, F arithmetic in an annotation,
 * a function in an annotation, ordered by an expression. No rows are needed: the Quarry points at an
 * empty in-memory SQLite database, since compiling sends nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExpressionBuildBenchmark {
    private Quarry db;

    /** Opens the Quarry the query compiles against. */
    @Setup(Level.Trial)
    public void setUp() {
        db = Quarry.builder().url("jdbc:sqlite::memory:").models(Author.class, Book.class, Review.class, Tag.class)
                .build().install();
    }

    /** Closes it. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Quarry.uninstall();
        db.close();
    }

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
