package dev.quarry.bench;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;

import dev.quarry.Quarry;
import dev.quarry.expr.F;
import dev.quarry.expr.OuterRef;
import dev.quarry.expr.Subquery;
import dev.quarry.example.library.Author;
import dev.quarry.example.library.Book;
import dev.quarry.example.library.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The workloads through Quarry's public API, as a user would write them. */
public final class QuarryWorkloads implements Workloads {
    private final Quarry db;

    public QuarryWorkloads(String database) {
        this.db = BenchDb.quarry(database);
    }

    @Override
    public long w1Hydrate() {
        long sum = 0;
        for (Book b : Book.objects.all().list()) {
            sum += b.id + b.title.length() + (Long) b.author.id() + b.publishedDate.toEpochDay() + b.isbn.length();
        }
        return sum;
    }

    @Override
    public long w2ReversePrefetch() {
        long sum = 0;
        for (Author a : Author.objects.prefetchRelated("books__review_set").list()) {
            sum += a.id;
            for (Book b : a.books().all()) {
                sum += b.id;
                for (Review r : b.reviews().all()) {
                    sum += r.id + r.rating;
                }
            }
        }
        return sum;
    }

    @Override
    public long w3Annotate() {
        long sum = 0;
        for (Author a : Author.objects.annotate("book_count", count("books")).orderBy("-book_count", "id").limit(5)) {
            sum += a.id * 1000 + a.annotation("book_count", Long.class);
        }
        return sum;
    }

    @Override
    public long w4TwoHopAggregate() {
        long sum = 0;
        for (Author a : topAuthors()) {
            sum += a.id * 1000 + a.annotation("review_count", Long.class)
                    + Math.round(a.annotation("avg_book_rating", Double.class) * 1e6);
        }
        return sum;
    }

    private static dev.quarry.QuerySet<Author> topAuthors() {
        return Author.objects.annotate("avg_book_rating", avg("books__review__rating"))
                .annotate("review_count", count("books__review"))
                .filter("review_count__gt", 10).orderBy("-avg_book_rating", "id").limit(10);
    }

    @Override
    public long w5ReverseFilterDistinct() {
        long sum = 0;
        for (Author a : Author.objects.filter("books__review__rating", 5).distinct()) {
            sum += a.id + 1_000_000_000L;
        }
        return sum;
    }

    @Override
    public long w6ManyToMany() {
        long sum = 0;
        for (Book b : Book.objects.filter("tags__name", BenchDb.TAG_A).filter("tags__name", BenchDb.TAG_B).distinct()) {
            sum += b.id + 1_000_000_000L;
        }
        return sum;
    }

    @Override
    public long w7BulkInsert() {
        List<Review> reviews = new ArrayList<>(BULK);
        long sum = 0;
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < BULK; i++) {
            Review r = new Review();
            r.book.setId(Workloads.getId(i));
            r.userName = "bulk";
            r.rating = 1 + i % 5;
            r.comment = "bulk insert";
            r.createdAt = now;
            reviews.add(r);
            sum += 1 + r.rating;
        }
        try (Quarry.Rollback tx = db.testTransaction()) {
            Review.objects.bulkCreate(reviews);
        }
        return sum;
    }

    @Override
    public long w8GetByPk() {
        return db.atomic().call(() -> {
            long sum = 0;
            for (int i = 0; i < GETS; i++) {
                Book b = Book.objects.get("pk", Workloads.getId(i));
                sum += b.title.length() + (Long) b.author.id();
            }
            return sum;
        });
    }

    /**
     * Since 0.2, {@code sql()} returns a {@link dev.quarry.Sql} value that also carries a copy with
     * the values inlined, so this measures building, compiling and that inlining.
     */
    @Override
    public long w9QueryBuilding() {
        return topAuthors().sql().text().length();
    }

    @Override
    public long w10UpdateF() {
        try (Quarry.Rollback tx = db.testTransaction()) {
            return Review.objects.filter("id__lte", UPDATES).update("rating", F.of("rating").plus(1));
        }
    }

    @Override
    public long w10Subquery() {
        var newest = Book.objects.filter("author", OuterRef.of("pk")).orderBy("-published_date", "-id")
                .valuesList("published_date", LocalDate.class).limit(1);
        long sum = 0;
        for (Author a : Author.objects.annotate("newest", Subquery.of(newest, LocalDate.class)).list()) {
            LocalDate d = a.annotation("newest", LocalDate.class);
            sum += a.id * 100_000 + (d == null ? 0 : d.toEpochDay()) + a.name.length();
        }
        return sum;
    }

    /** How many SQL statements W2 runs. */
    public int w2Queries() {
        int[] n = {0};
        dev.quarry.QueryListener l = q -> n[0]++;
        db.addQueryListener(l);
        try {
            w2ReversePrefetch();
        } finally {
            db.removeQueryListener(l);
        }
        return n[0];
    }

    @Override
    public void close() {
        db.close();
    }
}
