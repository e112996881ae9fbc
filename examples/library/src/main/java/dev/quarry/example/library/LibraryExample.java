package dev.quarry.example.library;

import dev.quarry.Quarry;
import dev.quarry.Model;
import dev.quarry.example.library.migrations.M0001Initial;
import dev.quarry.example.library.migrations.M0002ProfilesAndPublishers;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.Migrator;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's application: builds the schema in an embedded SQLite database by applying its
 * migrations, loads the sample data, and runs every query of the guide, printing the Java code, the
 * results and the number of SQL queries each took. {@code mvn -q -pl examples/library -am exec:java} runs it.
 */
public final class LibraryExample {
    /** The app's name in {@code quarry_migrations} (as {@code quarry.app} in {@code quarry.properties}). */
    public static final String APP = "library";

    /**
     * The app's migrations, written by {@code quarry makemigrations} into the {@code migrations} package;
     * a new one is added here too (the command finds them by scanning that package).
     */
    public static final List<Class<? extends Migration>> MIGRATIONS = List.of(M0001Initial.class,
            M0002ProfilesAndPublishers.class);

    /** The example's models: the guide's four, a proxy of Book, and the relation kinds beyond the guide. */
    public static final List<Class<? extends Model>> MODELS = List.of(Author.class, Book.class, Review.class, Tag.class,
            RecentBook.class, AuthorProfile.class, Publisher.class, Contract.class);

    private LibraryExample() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:sqlite::memory:";
        try (Quarry db = Quarry.builder().url(url).models(MODELS).build().install()) {
            List<String> applied = Migrator.of(db, APP, MIGRATIONS).migrate();   // the schema, from the migrations
            int loadQueries = GuideQueries.countQueries(SampleData::load);
            int relationQueries = GuideQueries.countQueries(RelationSampleData::load);
            System.out.printf("Quarry guide example on %s (%s)%n", db.vendor(), url);
            System.out.printf("Applied %d migration%s: %s.%n", applied.size(), applied.size() == 1 ? "" : "s",
                    applied.isEmpty() ? "none pending" : String.join(", ", applied));
            System.out.printf("Loaded %d authors, %d books, %d reviews, %d tags in %d queries.%n%n",
                    Author.objects.count(), Book.objects.count(), Review.objects.count(), Tag.objects.count(), loadQueries);
            System.out.printf("Loaded %d author profiles, %d publishers, %d contracts in %d queries.%n%n",
                    AuthorProfile.objects.count(), Publisher.objects.count(), Contract.objects.count(), relationQueries);
            for (GuideQueries.Step step : GuideQueries.steps()) {
                List<String> lines = new ArrayList<>();
                int queries = GuideQueries.countQueries(() -> lines.addAll(step.run().get()));
                System.out.printf("== %s. %s%n", step.id(), step.title());
                for (String code : step.code().split("\n")) {
                    System.out.println("   " + code);
                }
                for (String line : lines) {
                    System.out.println("   -> " + line);
                }
                System.out.printf("   [%d SQL %s]%n", queries, queries == 1 ? "query" : "queries");
                TypedGuideQueries.Typed typed = TypedGuideQueries.byStep().get(step.id());
                if (typed != null) {
                    List<String> typedLines = new ArrayList<>();
                    int typedQueries = GuideQueries.countQueries(() -> typedLines.addAll(typed.run().get()));
                    System.out.println("   typed metamodel:");
                    for (String code : typed.code().split("\n")) {
                        System.out.println("   " + code);
                    }
                    System.out.printf("   -> %s, [%d SQL %s]%n", typedLines.equals(lines) ? "the same lines" : "DIFFERENT lines: " + typedLines,
                            typedQueries, typedQueries == 1 ? "query" : "queries");
                }
                System.out.println();
            }
        }
    }
}
