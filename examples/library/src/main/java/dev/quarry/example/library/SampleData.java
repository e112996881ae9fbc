package dev.quarry.example.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the guide's deterministic sample data (the TSV files beside this class, the same rows
 * {@code examples/library/django/guide_queries.py} loads into Django) with the ids the files
 * list, so results that show ids match Django's whatever the database's sequences say.
 */
public final class SampleData {
    private SampleData() {}

    /** Inserts every author, tag, book (with its tags) and review. */
    public static void load() {
        Map<Long, Author> authors = new HashMap<>();
        List<Author> authorRows = new ArrayList<>();
        for (String[] r : rows("authors.tsv")) {
            Author a = new Author();
            a.id = Long.parseLong(r[0]);
            a.name = r[1];
            a.bio = r[2];
            authorRows.add(a);
            authors.put(Long.parseLong(r[0]), a);
        }
        Author.objects.bulkCreate(authorRows);

        Map<Long, Tag> tags = new HashMap<>();
        List<Tag> tagRows = new ArrayList<>();
        for (String[] r : rows("tags.tsv")) {
            Tag t = new Tag();
            t.id = Long.parseLong(r[0]);
            t.name = r[1];
            tagRows.add(t);
            tags.put(Long.parseLong(r[0]), t);
        }
        Tag.objects.bulkCreate(tagRows);

        Map<Long, Book> books = new HashMap<>();
        List<Book> bookRows = new ArrayList<>();
        Map<Book, List<Tag>> bookTags = new java.util.IdentityHashMap<>();
        for (String[] r : rows("books.tsv")) {
            Book b = new Book();
            b.id = Long.parseLong(r[0]);
            b.title = r[1];
            b.author.set(authors.get(Long.parseLong(r[2])));
            b.publishedDate = LocalDate.parse(r[3]);
            b.isbn = r[4];
            bookRows.add(b);
            books.put(Long.parseLong(r[0]), b);
            List<Tag> bt = new ArrayList<>();
            if (r.length > 5 && !r[5].isBlank()) {
                for (String id : r[5].split(",")) {
                    bt.add(tags.get(Long.parseLong(id.trim())));
                }
            }
            bookTags.put(b, bt);
        }
        Book.objects.bulkCreate(bookRows);
        for (Book b : bookRows) {
            b.tags.add(bookTags.get(b));
        }

        List<Review> reviewRows = new ArrayList<>();
        for (String[] r : rows("reviews.tsv")) {
            Review v = new Review();
            v.id = Long.parseLong(r[0]);
            v.book.set(books.get(Long.parseLong(r[1])));
            v.userName = r[2];
            v.rating = Integer.parseInt(r[3]);
            v.comment = r[4];
            reviewRows.add(v);
        }
        Review.objects.bulkCreate(reviewRows);
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = SampleData.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample data file " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
