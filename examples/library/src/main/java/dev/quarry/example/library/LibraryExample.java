package dev.quarry.example.library;

import dev.quarry.Quarry;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's application: builds the schema in an embedded SQLite database, loads the sample
 * data, and runs every query of the guide, printing the Java code, the results and the number of
 * SQL queries each took. {@code mvn -q -pl examples/library -am exec:java} runs it.
 */
public final class LibraryExample {
    private LibraryExample() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:sqlite::memory:";
        try (Quarry db = Quarry.builder().url(url).models(Author.class, Book.class, Review.class, Tag.class,
                RecentBook.class, AuthorProfile.class, Publisher.class, Contract.class).build().install()) {
            db.createTables();
            int loadQueries = GuideQueries.countQueries(SampleData::load);
            int relationQueries = GuideQueries.countQueries(RelationSampleData::load);
            System.out.printf("Quarry guide example on %s (%s)%n", db.vendor(), url);
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
                System.out.printf("   [%d SQL %s]%n%n", queries, queries == 1 ? "query" : "queries");
            }
        }
    }
}
