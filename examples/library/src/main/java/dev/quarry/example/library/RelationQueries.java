package dev.quarry.example.library;

import static dev.quarry.expr.Aggregates.sum;

import dev.quarry.DoesNotExist;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The relation kinds beyond the guide's, as steps R1-R8 after the guide's: a one-to-one
 * ({@link AuthorProfile}) both ways, and a many-to-many through a model ({@link Publisher}'s books
 * through {@link Contract}). Each returns its lines in the text form of {@code django/expected.txt}.
 */
final class RelationQueries {
    private RelationQueries() {}

    private static String website(Author a) {
        try {
            return a.relatedOne("authorprofile", AuthorProfile.class).website;
        } catch (DoesNotExist e) {
            return "None";
        }
    }

    /** The steps, after the guide's. */
    static List<GuideQueries.Step> steps() {
        List<GuideQueries.Step> s = new ArrayList<>();
        s.add(new GuideQueries.Step("R1", "One-to-one, reverse side: an author's profile",
                "Author.objects.get(\"name\", \"J.K. Rowling\").relatedOne(\"authorprofile\", AuthorProfile.class).website",
                () -> List.of(Author.objects.get("name", "J.K. Rowling").relatedOne("authorprofile", AuthorProfile.class).website)));
        s.add(new GuideQueries.Step("R2", "A missing one-to-one is DoesNotExist, naming both models",
                "Author.objects.get(\"name\", \"Stephen King\").relatedOne(\"authorprofile\", AuthorProfile.class)",
                () -> {
                    try {
                        Author.objects.get("name", "Stephen King").relatedOne("authorprofile", AuthorProfile.class);
                        return List.of("(no error)");
                    } catch (DoesNotExist e) {
                        return List.of("DoesNotExist");
                    }
                }));
        s.add(new GuideQueries.Step("R3", "Lookups on the reverse one-to-one: authors with a profile",
                "Author.objects.filter(\"authorprofile__isnull\", false)",
                () -> names(Author.objects.filter("authorprofile__isnull", false).orderBy("id").list())));
        s.add(new GuideQueries.Step("R4", "selectRelated follows the reverse one-to-one (a LEFT JOIN)",
                "Author.objects.selectRelated(\"authorprofile\").filter(\"id__in\", List.of(1, 5, 10, 11))",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Author a : Author.objects.selectRelated("authorprofile").filter("id__in", List.of(1L, 5L, 10L, 11L))
                            .orderBy("id")) {
                        out.add(a.name + "|" + website(a));
                    }
                    return out;
                }));
        s.add(new GuideQueries.Step("R5", "Many-to-many through a model: a book's publishers",
                "Book.objects.get(\"title\", \"The End of Eternity\").related(\"publishers\", Publisher.class).all()",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Publisher p : Book.objects.get("title", "The End of Eternity").related("publishers", Publisher.class)
                            .all().orderBy("name")) {
                        out.add(p.name);
                    }
                    return out;
                }));
        s.add(new GuideQueries.Step("R6", "Lookups through the intermediate model: books with a royalty over 10%",
                "Book.objects.filter(\"contract__royalty_pct__gt\", 10).distinct()",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Book b : Book.objects.filter("contract__royalty_pct__gt", 10).distinct().orderBy("id")) {
                        out.add(b.title);
                    }
                    return out;
                }));
        s.add(new GuideQueries.Step("R7", "prefetchRelated through the through model",
                "Publisher.objects.prefetchRelated(\"books\")",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Publisher p : Publisher.objects.prefetchRelated("books").orderBy("id")) {
                        List<Book> books = new ArrayList<>(p.books.all().list());
                        books.sort(Comparator.comparing(b -> b.id));
                        out.add(p.name + "|" + String.join(",", books.stream().map(b -> b.title).toList()));
                    }
                    return out;
                }));
        s.add(new GuideQueries.Step("R8", "Fields of the through model in aggregates: royalties per publisher",
                "Publisher.objects.annotate(\"total\", sum(\"contract__royalty_pct\"))",
                () -> {
                    List<String> out = new ArrayList<>();
                    for (Publisher p : Publisher.objects.annotate("total", sum("contract__royalty_pct")).orderBy("id")) {
                        out.add(p.name + "|" + p.annotation("total", Long.class));
                    }
                    return out;
                }));
        return s;
    }

    private static List<String> names(List<Author> authors) {
        return authors.stream().map(a -> a.name).toList();
    }
}
