package dev.quarry.example.library;

import java.util.List;

/**
 * The rows of the relation steps (R1-R8), created after {@link SampleData}'s with explicit ids, as
 * {@code django/guide_queries.py} creates them: three author profiles, three publishers, six contracts.
 */
public final class RelationSampleData {
    private RelationSampleData() {}

    /** Three bulk inserts, each followed where the database needs it by moving the key sequence past the ids. */
    public static void load() {
        AuthorProfile.objects.bulkCreate(List.of(profile(1, 1, "jkrowling.com"), profile(2, 5, "asimovonline.com"),
                profile(3, 10, "neilgaiman.com")));
        Publisher.objects.bulkCreate(List.of(publisher(1, "Bloomsbury"), publisher(2, "Gollancz"), publisher(3, "Tor Books")));
        Contract.objects.bulkCreate(List.of(contract(1, 1, 1, 10), contract(2, 1, 2, 12), contract(3, 2, 19, 8),
                contract(4, 3, 19, 15), contract(5, 3, 25, 11), contract(6, 2, 34, 9)));
    }

    private static AuthorProfile profile(long id, long author, String website) {
        AuthorProfile p = new AuthorProfile();
        p.id = id;
        p.author.setId(author);
        p.website = website;
        return p;
    }

    private static Publisher publisher(long id, String name) {
        Publisher p = new Publisher();
        p.id = id;
        p.name = name;
        return p;
    }

    private static Contract contract(long id, long publisher, long book, int royaltyPct) {
        Contract c = new Contract();
        c.id = id;
        c.publisher.setId(publisher);
        c.book.setId(book);
        c.royaltyPct = royaltyPct;
        return c;
    }
}
