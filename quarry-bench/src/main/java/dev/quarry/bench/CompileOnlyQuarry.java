package dev.quarry.bench;

import dev.quarry.Quarry;
import dev.quarry.example.library.Author;
import dev.quarry.example.library.Book;
import dev.quarry.example.library.Review;
import dev.quarry.example.library.Tag;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Quarry of the benchmarks that build and compile queries without running them: the guide's
 * models on an empty in-memory SQLite database (compiling sends nothing, so no rows are needed),
 * installed for the trial.
 */
public abstract class CompileOnlyQuarry {
    private Quarry db;

    /** Opens and installs the Quarry the queries compile against. */
    @Setup(Level.Trial)
    public void setUp() {
        db = Quarry.builder().url("jdbc:sqlite::memory:").models(Author.class, Book.class, Review.class, Tag.class)
                .build().install();
    }

    /** Uninstalls and closes it. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Quarry.uninstall();
        db.close();
    }
}
