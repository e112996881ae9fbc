package dev.quarry.fetchmode;

import java.util.Map;

/**
 * The rows every test here starts from, built inside the test's transaction.
 *
 * <pre>
 * ann: Dune (scifi, classic), Emma (romance)
 * bob: Faust (classic)
 * cat: Golem (no tags)
 * dan: no books
 * </pre>
 */
final class Shelf {
    final Author ann = Author.objects.create(a -> a.name = "ann");
    final Author bob = Author.objects.create(a -> a.name = "bob");
    final Author cat = Author.objects.create(a -> a.name = "cat");
    final Author dan = Author.objects.create(a -> a.name = "dan");
    final Tag scifi = Tag.objects.create(t -> t.name = "scifi");
    final Tag classic = Tag.objects.create(t -> t.name = "classic");
    final Tag romance = Tag.objects.create(t -> t.name = "romance");
    final Book dune = Book.objects.create(Map.of("title", "Dune", "author", ann));
    final Book emma = Book.objects.create(Map.of("title", "Emma", "author", ann));
    final Book faust = Book.objects.create(Map.of("title", "Faust", "author", bob));
    final Book golem = Book.objects.create(Map.of("title", "Golem", "author", cat));

    Shelf() {
        dune.tags.add(scifi, classic);
        emma.tags.add(romance);
        faust.tags.add(classic);
    }
}
