package dev.quarry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-written JDBC: prepared statements, columns read by index into plain objects. The limit. */
public final class JdbcWorkloads implements Workloads {
    /** W4 as the guide asks it: the authors' columns (as Quarry's instances and W5's rows), with two aggregates. */
    static final String W4_SQL = "SELECT a.id, a.name, a.bio, AVG(r.rating), COUNT(r.id) FROM author a LEFT JOIN book b "
            + "ON b.author_id = a.id LEFT JOIN review r ON r.book_id = b.id GROUP BY a.id HAVING COUNT(r.id) > 10 "
            + "ORDER BY 4 DESC, a.id LIMIT 10";
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** A book row. */
    record JBook(long id, String title, long authorId, LocalDate published, String isbn, List<JReview> reviews) {}

    /** A review row. */
    record JReview(long id, long bookId, String userName, int rating, String comment, Instant createdAt) {}

    /** An author row. */
    record JAuthor(long id, String name, String bio, List<JBook> books) {}

    private final Connection c;
    private final boolean sqlite;

    public JdbcWorkloads(String db) throws SQLException {
        this.c = BenchDb.connect(db);
        this.sqlite = db.equals("sqlite");
    }

    private LocalDate date(ResultSet rs, int i) throws SQLException {
        return sqlite ? LocalDate.parse(rs.getString(i)) : rs.getObject(i, LocalDate.class);
    }

    /** A timestamp as the ORMs' models hold it (an {@code Instant}): SQLite's text parsed, PostgreSQL's read typed. */
    private Instant instant(ResultSet rs, int i) throws SQLException {
        return sqlite ? LocalDateTime.parse(rs.getString(i), SQLITE_TIME).toInstant(ZoneOffset.UTC)
                : rs.getObject(i, OffsetDateTime.class).toInstant();
    }

    /** An author from columns 1–3 (id, name, bio), as the ORMs' instances hold it. */
    private static JAuthor author(ResultSet rs) throws SQLException {
        return new JAuthor(rs.getLong(1), rs.getString(2), rs.getString(3), new ArrayList<>());
    }

    private JBook book(ResultSet rs) throws SQLException {
        return new JBook(rs.getLong(1), rs.getString(2), rs.getLong(3), date(rs, 4), rs.getString(5), new ArrayList<>());
    }

    @Override
    public long w1Hydrate() {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title, author_id, published_date, isbn FROM book");
             ResultSet rs = ps.executeQuery()) {
            List<JBook> books = new ArrayList<>();
            while (rs.next()) {
                books.add(book(rs));
            }
            long sum = 0;
            for (JBook b : books) {
                sum += b.id() + b.title().length() + b.authorId() + b.published().toEpochDay() + b.isbn().length();
            }
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long w2ReversePrefetch() {
        try {
            c.setAutoCommit(false);
            List<JAuthor> authors = new ArrayList<>();
            Map<Long, JAuthor> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, bio FROM author"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JAuthor a = author(rs);
                    authors.add(a);
                    byId.put(a.id(), a);
                }
            }
            Map<Long, JBook> books = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, author_id, published_date, isbn FROM book");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JBook b = book(rs);
                    books.put(b.id(), b);
                    byId.get(b.authorId()).books().add(b);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, book_id, user_name, rating, comment, created_at FROM review");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JReview r = new JReview(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), instant(rs, 6));
                    books.get(r.bookId()).reviews().add(r);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            long sum = 0;
            for (JAuthor a : authors) {
                sum += a.id();
                for (JBook b : a.books()) {
                    sum += b.id();
                    for (JReview r : b.reviews()) {
                        sum += r.id() + r.rating();
                    }
                }
            }
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long query(String sql, Row row, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            long sum = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sum += row.checksum(rs);
                }
            }
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checksum of one row. */
    interface Row {
        long checksum(ResultSet rs) throws SQLException;
    }

    @Override
    public long w3Annotate() {
        return query("SELECT a.id, a.name, a.bio, COUNT(b.id) FROM author a LEFT JOIN book b ON b.author_id = a.id "
                + "GROUP BY a.id ORDER BY 4 DESC, a.id LIMIT 5", rs -> author(rs).id() * 1000 + rs.getLong(4));
    }

    @Override
    public long w4TwoHopAggregate() {
        return query(W4_SQL, rs -> author(rs).id() * 1000 + rs.getLong(5) + Math.round(rs.getDouble(4) * 1e6));
    }

    @Override
    public long w5ReverseFilterDistinct() {
        return query("SELECT DISTINCT a.id, a.name, a.bio FROM author a JOIN book b ON b.author_id = a.id "
                + "JOIN review r ON r.book_id = b.id WHERE r.rating = ?", rs -> author(rs).id() + 1_000_000_000L, 5);
    }

    @Override
    public long w6ManyToMany() {
        return query("SELECT DISTINCT b.id, b.title, b.author_id, b.published_date, b.isbn FROM book b "
                + "JOIN book_tags x ON x.book_id = b.id JOIN tag t ON t.id = x.tag_id "
                + "JOIN book_tags y ON y.book_id = b.id JOIN tag u ON u.id = y.tag_id WHERE t.name = ? AND u.name = ?",
                rs -> book(rs).id() + 1_000_000_000L, BenchDb.TAG_A, BenchDb.TAG_B);
    }

    @Override
    public long w7BulkInsert() {
        try {
            c.setAutoCommit(false);
            long sum = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO review (book_id, user_name, rating, comment, created_at) VALUES (?, ?, ?, ?, ?)")) {
                Instant now = Instant.parse("2025-01-01T00:00:00Z");
                for (int i = 0; i < BULK; i++) {
                    ps.setLong(1, Workloads.getId(i));
                    ps.setString(2, "bulk");
                    ps.setInt(3, 1 + i % 5);
                    ps.setString(4, "bulk insert");
                    if (sqlite) {
                        ps.setString(5, SQLITE_TIME.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)));
                    } else {
                        ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    }
                    ps.addBatch();
                    sum += 1 + 1 + i % 5;
                }
                ps.executeBatch();
            }
            c.rollback();
            c.setAutoCommit(true);
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long w8GetByPk() {
        try {
            c.setAutoCommit(false);
            long sum = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, author_id, published_date, isbn FROM book WHERE id = ?")) {
                for (int i = 0; i < GETS; i++) {
                    ps.setLong(1, Workloads.getId(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        JBook b = book(rs);
                        sum += b.title().length() + b.authorId();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long w9QueryBuilding() {
        return W4_SQL.length();
    }

    @Override
    public long w10UpdateF() {
        try {
            c.setAutoCommit(false);
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE review SET rating = rating + ? WHERE id <= ?")) {
                ps.setInt(1, 1);
                ps.setLong(2, UPDATES);
                n = ps.executeUpdate();
            }
            c.rollback();
            c.setAutoCommit(true);
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long w10Subquery() {
        return query("SELECT a.id, a.name, a.bio, (SELECT b.published_date FROM book b WHERE b.author_id = a.id "
                + "ORDER BY b.published_date DESC, b.id DESC LIMIT 1) FROM author a", rs -> {
                    String d = rs.getString(4);
                    return rs.getLong(1) * 100_000 + (d == null ? 0 : date(rs, 4).toEpochDay()) + rs.getString(2).length();
                });
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
