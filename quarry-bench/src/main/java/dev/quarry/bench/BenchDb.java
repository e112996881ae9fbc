package dev.quarry.bench;

import dev.quarry.Quarry;
import dev.quarry.example.library.Author;
import dev.quarry.example.library.Book;
import dev.quarry.example.library.Review;
import dev.quarry.example.library.Tag;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.Random;

/**
 * The benchmark databases (an SQLite file under target/, a PostgreSQL schema) and their
 * deterministic rows: 2,000 authors, 20,000 books, 100,000 reviews, 50 tags, 3 tags per book by
 * default ({@code -Dbench.authors=...} and so on), loaded once with plain JDBC batches.
 */
public final class BenchDb {
    public static final int AUTHORS = Integer.getInteger("bench.authors", 2_000);
    public static final int BOOKS = Integer.getInteger("bench.books", 20_000);
    public static final int REVIEWS = Integer.getInteger("bench.reviews", 100_000);
    public static final int TAGS = Integer.getInteger("bench.tags", 50);
    public static final String TAG_A = "Tag 3";
    public static final String TAG_B = "Tag 10";

    private BenchDb() {}

    /**
     * The JDBC URL of a database: {@code sqlite} or {@code postgresql}. SQLite's URL turns foreign
     * keys on for every peer: Quarry turns them on for each connection it opens (as Django does), so
     * the hand-written JDBC and Hibernate peers check the same constraints on W7's inserts.
     */
    public static String url(String db) {
        return switch (db) {
            case "sqlite" -> "jdbc:sqlite:" + Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath()
                    .resolve("bench-" + AUTHORS + "-" + BOOKS + "-" + REVIEWS + ".db") + "?foreign_keys=true";
            case "postgresql" -> System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/test")
                    + "?currentSchema=quarry_bench&reWriteBatchedInserts=true";
            default -> throw new IllegalArgumentException("db must be sqlite or postgresql, got " + db);
        };
    }

    public static String user(String db) {
        return db.equals("postgresql") ? System.getProperty("bench.pg.user", "postgres") : null;
    }

    public static Connection connect(String db) throws SQLException {
        Properties p = new Properties();
        if (user(db) != null) {
            p.setProperty("user", user(db));
        }
        return DriverManager.getConnection(url(db), p);
    }

    /** A Quarry on the database, installed. */
    public static Quarry quarry(String db) {
        return Quarry.builder().url(url(db)).user(user(db)).models(Author.class, Book.class, Review.class, Tag.class)
                .build().install();
    }

    /**
     * Creates the schema with Quarry and loads the rows, unless they are there already; then
     * {@linkplain #settle settles} the database, so every peer's fork starts from the same state.
     */
    public static synchronized void ensureLoaded(String db) throws SQLException {
        load(db);
        settle(db);
    }

    /**
     * Clears what earlier forks left behind: W7 and W10 write and roll back, which leaves dead
     * rows in PostgreSQL's review table (vacuumed, and analysed, here instead of by autovacuum in
     * the middle of some peer's run) and pages in SQLite's write-ahead log (checkpointed).
     */
    static void settle(String db) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            if (db.equals("postgresql")) {
                s.execute("VACUUM ANALYZE author, tag, book, book_tags, review");
            } else {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    /**
     * Clears the dead rows that writing and rolling back leaves, without analysing (fresh statistics could change a
     * plan between two peers' turns): {@code VACUUM review} on PostgreSQL, a checkpoint of the write-ahead log on
     * SQLite.
     */
    static void clearDeadRows(String db) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(db.equals("postgresql") ? "VACUUM review" : "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static void load(String db) throws SQLException {
        if (db.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection(System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/test"),
                    System.getProperty("bench.pg.user", "postgres"), null); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS quarry_bench");
            }
        }
        try (Connection c = connect(db)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM review")) {
                rs.next();
                if (rs.getLong(1) == REVIEWS) {
                    return;
                }
            } catch (SQLException missing) {
                // no tables yet
            }
        }
        try (Quarry q = quarry(db)) {
            q.dropTables();
            q.createTables();
        }
        try (Connection c = connect(db)) {
            load(c, db.equals("sqlite"));
        }
    }

    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static void load(Connection c, boolean sqlite) throws SQLException {
        c.setAutoCommit(false);
        Random r = new Random(42);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO author (id, name, bio) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= AUTHORS; i++) {
                ps.setLong(1, i);
                ps.setString(2, "Author " + i);
                ps.setString(3, i % 3 == 0 ? "" : "Bio of author " + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag (id, name) VALUES (?, ?)")) {
            for (int i = 1; i <= TAGS; i++) {
                ps.setLong(1, i);
                ps.setString(2, "Tag " + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO book (id, title, author_id, published_date, isbn) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement bt = c.prepareStatement("INSERT INTO book_tags (book_id, tag_id) VALUES (?, ?)")) {
            for (int i = 1; i <= BOOKS; i++) {
                ps.setLong(1, i);
                ps.setString(2, (i % 17 == 0 ? "Python " : "Book ") + i);
                ps.setLong(3, 1 + r.nextInt(AUTHORS));
                LocalDate d = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
                if (sqlite) {
                    ps.setString(4, d.toString());
                } else {
                    ps.setObject(4, d);
                }
                ps.setString(5, String.format("978%010d", i));
                ps.addBatch();
                int first = 1 + r.nextInt(TAGS);
                for (int k = 0; k < 3; k++) {
                    bt.setLong(1, i);
                    bt.setLong(2, 1 + (first - 1 + k * 7) % TAGS);
                    bt.addBatch();
                }
            }
            ps.executeBatch();
            bt.executeBatch();
        }
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO review (id, book_id, user_name, rating, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= REVIEWS; i++) {
                ps.setLong(1, i);
                ps.setLong(2, 1 + r.nextInt(BOOKS));
                ps.setString(3, "user" + r.nextInt(1000));
                ps.setInt(4, 1 + r.nextInt(5));
                ps.setString(5, "Comment " + i);
                Instant t = base.plusSeconds(i);
                if (sqlite) {
                    ps.setString(6, SQLITE_TIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
                } else {
                    ps.setObject(6, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
                }
                ps.addBatch();
                if (i % 10_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        if (!sqlite) {
            try (Statement s = c.createStatement()) {
                for (String t : new String[] {"author", "tag", "book", "review"}) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), (SELECT MAX(id) FROM " + t + "))");
                }
                s.execute("ANALYZE");
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
