package dev.quarry.queryset;

import java.util.Map;

/**
 * The rows most tests here start from, built inside the test's transaction. Created out of
 * alphabetical order, so primary key order, title order and the authors' default ordering
 * (name descending) all differ.
 *
 * <pre>
 * authors, in key order    books, in key order
 *   cat                      Faust     1808  bob
 *   ann                      Dune      1965  ann
 *   bob                      Emma      1815  ann
 *   dan (no books)           Candide   1759  cat
 *                            Alcestis  -438  cat
 *                            Beowulf   1000  cat
 * </pre>
 */
final class Shelf {
    final Author cat = Author.objects.create(a -> a.name = "cat");
    final Author ann = Author.objects.create(a -> a.name = "ann");
    final Author bob = Author.objects.create(a -> a.name = "bob");
    final Author dan = Author.objects.create(a -> a.name = "dan");
    final Book faust = Book.objects.create(Map.of("title", "Faust", "author", bob, "year", 1808));
    final Book dune = Book.objects.create(Map.of("title", "Dune", "author", ann, "year", 1965));
    final Book emma = Book.objects.create(Map.of("title", "Emma", "author", ann, "year", 1815));
    final Book candide = Book.objects.create(Map.of("title", "Candide", "author", cat, "year", 1759));
    final Book alcestis = Book.objects.create(Map.of("title", "Alcestis", "author", cat, "year", -438));
    final Book beowulf = Book.objects.create(Map.of("title", "Beowulf", "author", cat, "year", 1000));
}
