package dev.quarry.example.library;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.min;
import static dev.quarry.expr.Aggregates.sum;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QueryListener;
import dev.quarry.QuerySet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every query of the guide, in its order, as steps that return their result lines in the same
 * text form as {@code examples/library/django/expected.txt} (computed by Django 3.2 on the same
 * rows). The example prints them; {@code GuideQueriesTest} compares them with Django's.
 */
public final class GuideQueries {
    /** One query of the guide: its id in expected.txt, the Java code, and what it prints. */
    public record Step(String id, String title, String code, Supplier<List<String>> run) {}

    private GuideQueries() {}

    private static Author rowling() {
        return Author.objects.get("name", "J.K. Rowling");
    }

    /** The steps, in the guide's order. */
    public static List<Step> steps() {
        List<Step> s = new ArrayList<>();
        s.add(new Step("Q1", "Default and custom reverse names: an author's books",
                "Author rowling = Author.objects.get(\"name\", \"J.K. Rowling\");\nrowling.books().all()   // or rowling.related(\"books\", Book.class).all()",
                () -> titles(rowling().books().all().orderBy("id"))));
        s.add(new Step("Q2", "related_name replaces the default <model>_set",
                "rowling.related(\"book_set\")",
                () -> {
                    try {
                        rowling().related("book_set");
                        return List.of("(no error)");
                    } catch (FieldError e) {
                        return List.of("FieldError: " + e.getMessage());
                    }
                }));
        s.add(new Step("Q3", "Default reverse name: a book's review_set",
                "Book.objects.get(\"id\", 1).related(\"review_set\", Review.class).all()",
                () -> {
                    Book book = Book.objects.get("id", 1L);
                    List<String> out = new ArrayList<>();
                    for (Review r : book.related("review_set", Review.class).all().orderBy("id")) {
                        out.add(r.userName + "|" + r.rating);
                    }
                    return out;
                }));
        s.add(new Step("Q4", "Authors with books published after 2020-01-01 (one row per matching book)",
                "Author.objects.filter(\"books__published_date__gt\", LocalDate.of(2020, 1, 1))",
                () -> countAndNames(Author.objects.filter("books__published_date__gt", LocalDate.of(2020, 1, 1)).orderBy("id").list())));
        s.add(new Step("Q5", "Authors with \"Python\" in a title, any case",
                "Author.objects.filter(\"books__title__icontains\", \"Python\")",
                () -> countAndNames(Author.objects.filter("books__title__icontains", "Python").orderBy("id").list())));
        s.add(new Step("Q6", "Authors with at least one 5-star review, without duplicates",
                "Author.objects.filter(\"books__review__rating\", 5).distinct()",
                () -> names(Author.objects.filter("books__review__rating", 5).distinct().orderBy("id").list())));
        s.add(new Step("Q7", "The five most prolific authors",
                "Author.objects.annotate(\"book_count\", count(\"books\")).orderBy(\"-book_count\").limit(5)",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Author a : Author.objects.annotate("book_count", count("books")).orderBy("-book_count").limit(5)) {
                        out.add(a.name + "|" + a.annotation("book_count"));
                    }
                    return out;
                }));
        s.add(new Step("Q8", "The highest-rated book (NULL averages last on every database)",
                "Book.objects.annotate(\"avg_rating\", avg(\"review__rating\"))\n    .orderBy(Ordering.desc(\"avg_rating\").nullsLast()).first()",
                () -> {
                    Book b = Book.objects.annotate("avg_rating", avg("review__rating"))
                            .orderBy(Ordering.desc("avg_rating").nullsLast()).first().orElseThrow();
                    return List.of(b.title + "|" + b.annotation("avg_rating"));
                }));
        s.add(new Step("Q9", "Prefetching: the N+1 loop against prefetchRelated",
                "for (Author a : Author.objects.all()) a.books().all();          // 1 + N queries\n"
                        + "Author.objects.prefetchRelated(\"books\")                        // 2 queries\n"
                        + "Author.objects.prefetchRelated(\"books__review_set\")            // 3 queries",
                () -> prefetching(() -> Author.objects.prefetchRelated("books"),
                        () -> Author.objects.prefetchRelated("books__review_set"))));
        s.add(new Step("Q10", "Reviews of an author's books (filter by instance)",
                "Review.objects.filter(\"book__author\", rowling)",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Review r : Review.objects.filter("book__author", rowling()).orderBy("id")) {
                        out.add(r.id + "|" + r.userName + "|" + r.rating);
                    }
                    return out;
                }));
        s.add(new Step("Q11", "Users who reviewed an author's books",
                "Review.objects.filter(\"book__author__name\", \"J.K. Rowling\")\n    .valuesList(\"user_name\", String.class).distinct()",
                () -> {
                    List<String> users = new ArrayList<>(Review.objects.filter("book__author__name", "J.K. Rowling")
                            .valuesList("user_name", String.class).distinct().list());
                    users.sort(Comparator.naturalOrder());
                    List<String> out = new ArrayList<>();
                    out.add("count=" + users.size());
                    out.addAll(users);
                    return out;
                }));
        s.add(new Step("Q12", "Many-to-many, reverse side: the books of a tag",
                "Tag.objects.get(\"name\", \"Fantasy\").related(\"books\", Book.class).all()",
                () -> titles(Tag.objects.get("name", "Fantasy").related("books", Book.class).all().orderBy("id"))));
        s.add(new Step("Q13", "Books tagged Mystery or Thriller, without duplicates",
                "Book.objects.filter(\"tags__name__in\", List.of(\"Mystery\", \"Thriller\")).distinct()",
                () -> {
                    List<String> out = new ArrayList<>();
                    out.add("count=" + Book.objects.filter("tags__name__in", List.of("Mystery", "Thriller")).list().size());
                    out.addAll(titles(Book.objects.filter("tags__name__in", List.of("Mystery", "Thriller")).distinct().orderBy("id")));
                    return out;
                }));
        s.add(new Step("Q14", "Authors without books",
                "Author.objects.filter(\"books__isnull\", true)",
                () -> names(Author.objects.filter("books__isnull", true).orderBy("id").list())));
        s.add(new Step("Q15", "Authors with a Fantasy book and a Science Fiction book (chained filters)",
                "Author.objects.filter(\"books__tags__name\", \"Fantasy\")\n    .filter(\"books__tags__name\", \"Science Fiction\").distinct()",
                () -> names(Author.objects.filter("books__tags__name", "Fantasy")
                        .filter("books__tags__name", "Science Fiction").distinct().orderBy("id").list())));
        s.add(new Step("Q15b", "Both conditions in one filter() refer to the same tag row: none matches",
                "Author.objects.filter(Q.of(\"books__tags__name\", \"Fantasy\").and(Q.of(\"books__tags__name\", \"Science Fiction\"))).distinct()",
                () -> names(Author.objects.filter(Q.of("books__tags__name", "Fantasy").and(Q.of("books__tags__name", "Science Fiction")))
                        .distinct().orderBy("id").list())));
        s.add(new Step("Q15c", "Authors of one book that has both tags",
                "Author.objects.filter(\"books__in\", Book.objects.filter(\"tags__name\", \"Fantasy\")\n"
                        + "    .filter(\"tags__name\", \"Science Fiction\").valuesList(\"id\", Long.class).list()).distinct()",
                () -> names(Author.objects.filter("books__in", Book.objects.filter("tags__name", "Fantasy")
                        .filter("tags__name", "Science Fiction").valuesList("id", Long.class).list()).distinct().orderBy("id").list())));
        s.add(new Step("Q16", "Top-rated authors with more than 10 reviews",
                "Author.objects.annotate(\"avg_book_rating\", avg(\"books__review__rating\"))\n"
                        + "    .annotate(\"review_count\", count(\"books__review\"))\n"
                        + "    .filter(\"review_count__gt\", 10).orderBy(\"-avg_book_rating\").limit(10)",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Author a : Author.objects.annotate("avg_book_rating", avg("books__review__rating"))
                            .annotate("review_count", count("books__review"))
                            .filter("review_count__gt", 10).orderBy("-avg_book_rating").limit(10)) {
                        out.add(a.name + "|" + a.annotation("avg_book_rating") + "|" + a.annotation("review_count"));
                    }
                    return out;
                }));
        s.add(new Step("Q17", "exclude() is the complement of filter(): authors with no 5-star review",
                "Author.objects.exclude(\"books__review__rating\", 5)",
                () -> names(Author.objects.exclude("books__review__rating", 5).orderBy("id").list())));
        s.add(new Step("Q18", "Filtering on an aggregate becomes HAVING",
                "Author.objects.annotate(\"book_count\", count(\"books\")).filter(\"book_count\", 0)",
                () -> names(Author.objects.annotate("book_count", count("books")).filter("book_count", 0).orderBy("id").list())));
        s.add(new Step("Q19", "Date parts: books published in 2020",
                "Book.objects.filter(\"published_date__year\", 2020)",
                () -> titles(Book.objects.filter("published_date__year", 2020).orderBy("id"))));
        s.add(new Step("Q19b", "Titles starting with \"Harry\"",
                "Book.objects.filter(\"title__startswith\", \"Harry\")",
                () -> titles(Book.objects.filter("title__startswith", "Harry").orderBy("id"))));
        s.add(new Step("Q20", "annotate() after filter() counts only the filtered books",
                "Author.objects.filter(\"books__published_date__gt\", LocalDate.of(2020, 1, 1))\n    .annotate(\"n\", count(\"books\"))",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Author a : Author.objects.filter("books__published_date__gt", LocalDate.of(2020, 1, 1))
                            .annotate("n", count("books")).orderBy("id")) {
                        out.add(a.name + "|" + a.annotation("n"));
                    }
                    return out;
                }));
        s.add(new Step("Q21", "Aggregates over a whole table",
                "Review.objects.all().aggregate(avg(\"rating\"), count(\"id\"), max(\"rating\"), min(\"rating\"), sum(\"rating\"))",
                () -> {
                    Map<String, Object> agg = new TreeMap<>(Review.objects.all()
                            .aggregate(avg("rating"), count("id"), max("rating"), min("rating"), sum("rating")).asMap());
                    List<String> out = new ArrayList<>();
                    agg.forEach((k, v) -> out.add(k + "=" + v));
                    return out;
                }));
        s.add(new Step("QP1", "Model inheritance: a proxy of Book returns RecentBooks, newest first",
                "RecentBook.objects.filter(\"author__name\", \"J.K. Rowling\").limit(3)   // @Meta(proxy = true, ordering = ...)",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (RecentBook b : RecentBook.objects.filter("author__name", "J.K. Rowling").limit(3)) {
                        out.add(b.getClass().getSimpleName() + "|" + b.title + "|" + b.year());
                    }
                    return out;
                }));
        s.addAll(RelationQueries.steps());
        return s;
    }

    /**
     * Q9's lines, for the string and the typed form: the authors with their prefetched books, then the
     * queries of the N+1 loop, of {@code books} (prefetching books) and of {@code booksAndReviews}.
     */
    static List<String> prefetching(Supplier<QuerySet<Author>> books, Supplier<QuerySet<Author>> booksAndReviews) {
        List<String> out = new ArrayList<>();
        for (Author a : books.get().orderBy("id")) {
            List<String> t = new ArrayList<>();
            for (Book b : a.books().all()) {
                t.add(b.title);
            }
            out.add(a.name + "|" + String.join(";", t));
        }
        out.add("queries:n_plus_1=" + countQueries(() -> {
            for (Author a : Author.objects.all()) {
                a.books().all().list();
            }
        }));
        out.add("queries:prefetch_books=" + countQueries(() -> {
            for (Author a : books.get()) {
                a.books().all().list();
            }
        }));
        out.add("queries:prefetch_books__review_set=" + countQueries(() -> {
            for (Author a : booksAndReviews.get()) {
                for (Book b : a.books().all()) {
                    b.reviews().all().list();
                }
            }
        }));
        return out;
    }

    static List<String> titles(Iterable<Book> books) {
        List<String> out = new ArrayList<>();
        for (Book b : books) {
            out.add(b.title);
        }
        return orEmpty(out);
    }

    static List<String> names(List<Author> authors) {
        List<String> out = new ArrayList<>();
        for (Author a : authors) {
            out.add(a.name);
        }
        return orEmpty(out);
    }

    static List<String> countAndNames(List<Author> authors) {
        List<String> out = new ArrayList<>();
        out.add("count=" + authors.size());
        out.addAll(names(authors));
        return out;
    }

    private static List<String> orEmpty(List<String> lines) {
        return lines.isEmpty() ? List.of("(empty)") : lines;
    }

    /** The number of SQL statements {@code work} runs on the installed Quarry. */
    public static int countQueries(Runnable work) {
        AtomicInteger n = new AtomicInteger();
        QueryListener listener = q -> n.incrementAndGet();
        Quarry.current().addQueryListener(listener);
        try {
            work.run();
        } finally {
            Quarry.current().removeQueryListener(listener);
        }
        return n.get();
    }
}
