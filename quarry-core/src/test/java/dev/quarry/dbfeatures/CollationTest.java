package dev.quarry.dbfeatures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.annotation.CharField;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dbCollation} (Django's {@code db_collation}) goes into the column's DDL, and a case-insensitive
 * collation makes {@code exact} match other cases and orders case-blind, while a column without one keeps the
 * table's case-sensitive default (Django 3.2 on SQLite, {@code django_db_features.py}: "collation NOCASE exact 1
 * order ['alpha', 'Beta']", "default collation exact 0"). Collation names are the database's own, so each
 * backend has its model, as Django's tests take theirs from {@code connection.features.test_collations}:
 * SQLite's built-in {@code NOCASE}, MariaDB's {@code utf8mb4_general_ci}, and on PostgreSQL a nondeterministic
 * ICU collation this test creates ({@code und-u-ks-level2}), since PostgreSQL has no case-insensitive one built in.
 */
public class CollationTest {
    /** The case-insensitive model of each backend, by vendor: test data, as Django's test_collations. */
    private static final Map<String, Class<? extends Model>> MODELS = Map.of("sqlite", NocaseSqlite.class,
            "mysql", NocaseMaria.class, "postgresql", NocasePostgres.class);

    static Stream<TestDatabases.Target> backends() {
        return TestDatabases.active().stream();
    }

    /** A word under SQLite's NOCASE collation. */
    public static class NocaseSqlite extends Model {
        public static final Manager<NocaseSqlite> objects = Manager.of(NocaseSqlite.class);
        @CharField(maxLength = 20, dbCollation = "NOCASE") public String text;
        @CharField(maxLength = 20) public String plain;
    }

    /** A word under MariaDB's utf8mb4_general_ci. */
    public static class NocaseMaria extends Model {
        public static final Manager<NocaseMaria> objects = Manager.of(NocaseMaria.class);
        @CharField(maxLength = 20, dbCollation = "utf8mb4_general_ci") public String text;
        @CharField(maxLength = 20) public String plain;
    }

    /** A word under a nondeterministic ICU collation created by the test. */
    public static class NocasePostgres extends Model {
        public static final Manager<NocasePostgres> objects = Manager.of(NocasePostgres.class);
        @CharField(maxLength = 20, dbCollation = "quarry_ci") public String text;
        @CharField(maxLength = 20) public String plain;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aCaseInsensitiveCollationChangesExactAndOrdering(TestDatabases.Target target) throws SQLException {
        TestDatabases.Isolated database = target.create();
        try {
            if (target.vendor().equals("postgresql")) {
                try (Connection c = DriverManager.getConnection(database.url(), target.user(), target.password());
                     Statement s = c.createStatement()) {
                    s.execute("CREATE COLLATION quarry_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");
                }
            }
            Class<? extends Model> type = MODELS.get(target.vendor());
            try (Quarry quarry = Quarry.builder().url(database.url()).user(target.user()).password(target.password())
                    .models(type).build()) {
                quarry.createTables();
                assertThat(quarry.model(type).field("text").dbCollation()).isNotEmpty();
                Manager<? extends Model> objects = Manager.of(type);
                Queries queries = new Queries(quarry);
                queries.assertNumQueries(2, () -> {
                    objects.using(quarry).create(Map.of("text", "alpha", "plain", "alpha"));
                    objects.using(quarry).create(Map.of("text", "Beta", "plain", "Beta"));
                });
                queries.assertNumQueries(3, () -> {
                    assertThat(objects.using(quarry).filter("text", "ALPHA").count()).isEqualTo(1);
                    assertThat(objects.using(quarry).filter("plain", "ALPHA").count()).isZero();
                    assertThat(objects.using(quarry).orderBy("text").valuesList("text", String.class).list())
                            .containsExactly("alpha", "Beta");
                });
            }
        } finally {
            database.drop();
        }
    }
}
