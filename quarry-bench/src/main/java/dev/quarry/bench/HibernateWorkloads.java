package dev.quarry.bench;

import dev.quarry.bench.hibernate.HAuthor;
import dev.quarry.bench.hibernate.HBook;
import dev.quarry.bench.hibernate.HReview;
import dev.quarry.bench.hibernate.HTag;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.Configuration;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Hibernate ORM 6 as an expert would use it: mappedBy, batch fetching (1000), read-only
 * sessions and stateless sessions for bulk reads, JDBC batching for inserts.
 */
public final class HibernateWorkloads implements Workloads {
    /** W4 as the guide asks it: the authors themselves (as Quarry's instances and W5's entities), with two aggregates. */
    static final String W4_HQL = "select a, avg(r.rating), count(r) from HAuthor a left join a.books b left join b.reviews r "
            + "group by a having count(r) > 10 order by avg(r.rating) desc, a.id";
    static final AtomicInteger STATEMENTS = new AtomicInteger();

    private final SessionFactory sf;
    private final boolean sqlite;

    /** Counts the statements Hibernate prepares. */
    public static final class Counter implements StatementInspector {
        @Override
        public String inspect(String sql) {
            STATEMENTS.incrementAndGet();
            return sql;
        }
    }

    public HibernateWorkloads(String db) {
        this.sqlite = db.equals("sqlite");
        Configuration cfg = new Configuration()
                .addAnnotatedClass(HAuthor.class).addAnnotatedClass(HBook.class)
                .addAnnotatedClass(HReview.class).addAnnotatedClass(HTag.class)
                // stringtype=unspecified lets PostgreSQL read the text-mapped date and timestamp columns.
                .setProperty("hibernate.connection.url", BenchDb.url(db) + (sqlite ? "" : "&stringtype=unspecified"))
                .setProperty("hibernate.connection.pool_size", "2")
                .setProperty("hibernate.hbm2ddl.auto", "none")
                .setProperty("hibernate.jdbc.batch_size", "1000")
                .setProperty("hibernate.order_inserts", "true")
                .setProperty("hibernate.default_batch_fetch_size", "1000")
                .setProperty("hibernate.show_sql", "false")
                .setProperty("hibernate.session_factory.statement_inspector", Counter.class.getName());
        if (BenchDb.user(db) != null) {
            cfg.setProperty("hibernate.connection.username", BenchDb.user(db));
        }
        if (sqlite) {
            cfg.setProperty("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
        }
        this.sf = cfg.buildSessionFactory();
    }

    @Override
    public long w1Hydrate() {
        try (StatelessSession s = sf.openStatelessSession()) {
            long sum = 0;
            for (HBook b : s.createQuery("from HBook", HBook.class).list()) {
                sum += b.id + b.title.length() + b.authorId + LocalDate.parse(b.publishedDate).toEpochDay() + b.isbn.length();
            }
            return sum;
        }
    }

    @Override
    public long w2ReversePrefetch() {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            s.beginTransaction();
            long sum = 0;
            for (HAuthor a : s.createQuery("from HAuthor", HAuthor.class).list()) {
                sum += a.id;
                for (HBook b : a.books) {
                    sum += b.id;
                    for (HReview r : b.reviews) {
                        sum += r.id + r.rating;
                    }
                }
            }
            s.getTransaction().commit();
            return sum;
        }
    }

    @Override
    public long w3Annotate() {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            long sum = 0;
            for (Object[] row : s.createQuery("select a, count(b) from HAuthor a left join a.books b group by a "
                    + "order by count(b) desc, a.id", Object[].class).setMaxResults(5).list()) {
                sum += ((HAuthor) row[0]).id * 1000 + (Long) row[1];
            }
            return sum;
        }
    }

    @Override
    public long w4TwoHopAggregate() {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            long sum = 0;
            for (Object[] row : s.createQuery(W4_HQL, Object[].class).setMaxResults(10).list()) {
                sum += ((HAuthor) row[0]).id * 1000 + (Long) row[2] + Math.round(((Number) row[1]).doubleValue() * 1e6);
            }
            return sum;
        }
    }

    @Override
    public long w5ReverseFilterDistinct() {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            long sum = 0;
            for (HAuthor a : s.createQuery("select distinct a from HAuthor a join a.books b join b.reviews r where r.rating = 5",
                    HAuthor.class).list()) {
                sum += a.id + 1_000_000_000L;
            }
            return sum;
        }
    }

    @Override
    public long w6ManyToMany() {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            long sum = 0;
            for (HBook b : s.createQuery("select distinct b from HBook b join b.tags t join b.tags u "
                    + "where t.name = :a and u.name = :b", HBook.class)
                    .setParameter("a", BenchDb.TAG_A).setParameter("b", BenchDb.TAG_B).list()) {
                sum += b.id + 1_000_000_000L;
            }
            return sum;
        }
    }

    @Override
    public long w7BulkInsert() {
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            long sum = 0;
            String now = sqlite ? "2025-01-01 00:00:00.000000" : "2025-01-01 00:00:00+00";
            for (int i = 0; i < BULK; i++) {
                HReview r = new HReview();
                r.book = s.getReference(HBook.class, Workloads.getId(i));
                r.userName = "bulk";
                r.rating = 1 + i % 5;
                r.comment = "bulk insert";
                r.createdAt = now;
                s.persist(r);
                sum += 1 + r.rating;
            }
            s.flush();
            s.getTransaction().rollback();
            return sum;
        }
    }

    @Override
    public long w8GetByPk() {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            s.beginTransaction();
            long sum = 0;
            for (int i = 0; i < GETS; i++) {
                HBook b = s.get(HBook.class, Workloads.getId(i));
                sum += b.title.length() + b.authorId;
            }
            s.getTransaction().commit();
            return sum;
        }
    }

    @Override
    public long w9QueryBuilding() {
        try (Session s = sf.openSession()) {
            return s.createQuery(W4_HQL, Object[].class).setMaxResults(10).getQueryString().length();
        }
    }

    @Override
    public long w10UpdateF() {
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            int n = s.createMutationQuery("update HReview r set r.rating = r.rating + 1 where r.id <= :n")
                    .setParameter("n", (long) UPDATES).executeUpdate();
            s.getTransaction().rollback();
            return n;
        }
    }

    @Override
    public long w10Subquery() {
        try (Session s = sf.openSession()) {
            s.setDefaultReadOnly(true);
            long sum = 0;
            for (Object[] row : s.createQuery("select a, (select b.publishedDate from HBook b where b.author = a "
                    + "order by b.publishedDate desc, b.id desc limit 1) from HAuthor a", Object[].class).list()) {
                HAuthor a = (HAuthor) row[0];
                String d = (String) row[1];
                sum += a.id * 100_000 + (d == null ? 0 : LocalDate.parse(d.substring(0, 10)).toEpochDay()) + a.name.length();
            }
            return sum;
        }
    }

    /** How many statements W2 runs. */
    public int w2Queries() {
        int before = STATEMENTS.get();
        w2ReversePrefetch();
        return STATEMENTS.get() - before;
    }

    @Override
    public void close() {
        sf.close();
    }
}
