package dev.quarry.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.Quarry;
import dev.quarry.test.TestDatabases;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A private database on one backend with the reliability models' tables, reached through Quarry's
 * own connections ({@code url()}) or through a HikariCP pool; dropped afterwards. For the tests that
 * need threads, pools and faults, which the rolled-back transaction of {@code @QuarryTest} would hide.
 */
final class Fixture implements AutoCloseable {
    final TestDatabases.Target target;
    final TestDatabases.Isolated database;
    /** The database's JDBC URL; on PostgreSQL it names the database as the sessions' application, so they can be told apart. */
    final String url;
    final Quarry quarry;
    final HikariDataSource pool;

    private Fixture(TestDatabases.Target target, int poolSize, Consumer<HikariConfig> tune) {
        this.target = target;
        this.database = target.create();
        this.url = target.vendor().equals("postgresql") ? database.url() + "&ApplicationName=" + database.name() : database.url();
        if (poolSize > 0) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(target.user());
            config.setPassword(target.password());
            config.setMaximumPoolSize(poolSize);
            config.setConnectionTimeout(5_000);
            config.setPoolName("quarry-test-" + database.name());
            tune.accept(config);
            this.pool = new HikariDataSource(config);
            this.quarry = Quarry.builder().dataSource(pool)
                    .models(Item.class, Note.class, Stamp.class).build();
        } else {
            this.pool = null;
            this.quarry = Quarry.builder().url(url).user(target.user()).password(target.password())
                    .models(Item.class, Note.class, Stamp.class).build();
        }
        quarry.createTables();
    }

    /** A fixture using Quarry's own connections from the URL. */
    static Fixture direct(TestDatabases.Target target) {
        return new Fixture(target, 0, c -> { });
    }

    /** A fixture using a HikariCP pool of {@code size} connections. */
    static Fixture pooled(TestDatabases.Target target, int size) {
        return new Fixture(target, size, c -> { });
    }

    /** A fixture using a HikariCP pool, tuned. */
    static Fixture pooled(TestDatabases.Target target, int size, Consumer<HikariConfig> tune) {
        return new Fixture(target, size, tune);
    }

    /** Every active backend, for {@code @MethodSource}. */
    static Stream<TestDatabases.Target> backends() {
        return TestDatabases.active().stream();
    }

    /** The active server backends (not SQLite). */
    static List<TestDatabases.Target> servers() {
        return TestDatabases.active().stream().filter(t -> !t.vendor().equals("sqlite")).toList();
    }

    String vendor() {
        return target.vendor();
    }

    @Override
    public void close() {
        try {
            quarry.close();
        } finally {
            try {
                if (pool != null) {
                    pool.close();
                }
            } finally {
                database.drop();
            }
        }
    }
}
