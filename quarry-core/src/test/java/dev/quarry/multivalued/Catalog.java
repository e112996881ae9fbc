package dev.quarry.multivalued;

import java.util.Map;
/**
 * The rows every test here starts from, built inside the test's transaction. The same rows were
 * loaded into Django 3.2 (SQLite) to check each expectation.
 *
 * <pre>
 * ann (born 1950): Dune  (2019, scifi, editor bob)     reviews u1=5, u2=2
 *                  Emma  (2021, romance)               reviews u1=3
 * bob (born null): Faust (2021, scifi + classic)       reviews u3=5
 * cat (born 1970): Golem (2018, no tags, editor ann)   no reviews
 * dan (born null): no books
 * </pre>
 */
final class Catalog {
    final Author ann = Author.objects.create(Map.of("name", "ann", "born", 1950));
    final Author bob = Author.objects.create(Map.of("name", "bob"));
    final Author cat = Author.objects.create(Map.of("name", "cat", "born", 1970));
    final Author dan = Author.objects.create(Map.of("name", "dan"));
    final Tag scifi = Tag.objects.create(Map.of("name", "scifi"));
    final Tag romance = Tag.objects.create(Map.of("name", "romance"));
    final Tag classic = Tag.objects.create(Map.of("name", "classic"));
    final Book dune = Book.objects.create(Map.of("title", "Dune", "author", ann, "editor", bob, "year", 2019));
    final Book emma = Book.objects.create(Map.of("title", "Emma", "author", ann, "year", 2021));
    final Book faust = Book.objects.create(Map.of("title", "Faust", "author", bob, "year", 2021));
    final Book golem = Book.objects.create(Map.of("title", "Golem", "author", cat, "editor", ann, "year", 2018));

    Catalog() {
        dune.tags.add(scifi);
        emma.tags.add(romance);
        faust.tags.add(scifi, classic);
        Review.objects.create(Map.of("book", dune, "reader", "u1", "rating", 5));
        Review.objects.create(Map.of("book", dune, "reader", "u2", "rating", 2));
        Review.objects.create(Map.of("book", emma, "reader", "u1", "rating", 3));
        Review.objects.create(Map.of("book", faust, "reader", "u3", "rating", 5));
    }
}
