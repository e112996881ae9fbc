package dev.quarry.example.library;

import dev.quarry.Manager;
import dev.quarry.annotation.Meta;

/**
 * Model inheritance in the example: a proxy of Book (Django's {@code proxy = True}). It reads and writes
 * Book's table and relations, returns RecentBook instances, newest first, and adds a method of its own.
 */
@Meta(proxy = true, ordering = {"-published_date", "id"})
public class RecentBook extends Book {
    @SuppressWarnings("hiding")
    public static final Manager<RecentBook> objects = Manager.of(RecentBook.class);

    /** The year the book came out (a method only the proxy has). */
    public int year() {
        return publishedDate.getYear();
    }
}
