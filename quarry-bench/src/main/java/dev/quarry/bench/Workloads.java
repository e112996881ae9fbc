package dev.quarry.bench;

/** The benchmark's workloads; each returns a checksum so the implementations can be checked against each other. */
public interface Workloads extends AutoCloseable {
    /** W1: load all books as objects. */
    long w1Hydrate();

    /** W2: every author, its books, each book's reviews. */
    long w2ReversePrefetch();

    /** W3: authors with their book count, top 5. */
    long w3Annotate();

    /** W4: per author, average review rating and review count two hops away, count > 10, top 10 by average. */
    long w4TwoHopAggregate();

    /** W5: authors with at least one book with a 5-star review, without duplicates. */
    long w5ReverseFilterDistinct();

    /** W6: books tagged both A and B (chained filters). */
    long w6ManyToMany();

    /** W7: insert 10,000 reviews in one transaction (rolled back, so the data stays the same). */
    long w7BulkInsert();

    /** W8: 10,000 gets by primary key in one transaction. */
    long w8GetByPk();

    /** W9: build and compile the top-authors query of W4 without running it. */
    long w9QueryBuilding();

    /**
     * W10 (first half): {@code update("rating", F.of("rating").plus(1))} over the first 10,000 reviews, one
     * UPDATE in a transaction rolled back (so the data stays the same); the checksum is the rows updated.
     */
    long w10UpdateF();

    /**
     * W10 (second half): every author with the publication date of its newest book as a correlated
     * {@code Subquery} annotation, as model instances; the checksum sums ids and epoch days.
     */
    long w10Subquery();

    @Override
    void close();

    /** The number of reviews W7 inserts. */
    int BULK = 10_000;

    /** The number of reviews W10 updates (ids 1 to 10,000). */
    int UPDATES = 10_000;

    /** The number of gets W8 runs. */
    int GETS = 10_000;

    /** The book ids W8 reads, spread over the table. */
    static long getId(int i) {
        return 1 + (i * 7919L) % BenchDb.BOOKS;
    }
}
