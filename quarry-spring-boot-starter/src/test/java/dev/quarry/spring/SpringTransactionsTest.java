package dev.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Quarry;
import dev.quarry.spring.library.Title;
import dev.quarry.spring.library.Writer;
import dev.quarry.test.Queries;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarry's work joins Spring-managed transactions, on every backend: inside a {@code @Transactional}
 * method Quarry runs on the transaction's connection (a JdbcTemplate in the same method sees Quarry's
 * uncommitted rows and Quarry sees its), commits with the method, and rolls back when the method
 * throws; {@code quarry.atomic()} inside is a savepoint; {@code onCommit} waits for Spring's commit; and
 * {@code @Transactional(readOnly = true)} reads go to the replicas of a PrimaryReplicaRouter.
 */
class SpringTransactionsTest {
    private final List<TestDatabase> databases = new ArrayList<>();

    @AfterEach
    void tearDown() {
        Quarry.uninstall();
        databases.forEach(TestDatabase::close);
    }

    static List<String> backends() {
        return TestDatabase.backends();
    }

    /** A service whose transactional methods write and read through Quarry (and JDBC). */
    public static class Library {
        private final JdbcTemplate jdbc;
        private final Quarry quarry;

        /** The service. */
        public Library(JdbcTemplate jdbc, Quarry quarry) {
            this.jdbc = jdbc;
            this.quarry = quarry;
        }

        /** Writes a writer and a title, then fails. */
        @Transactional
        public void writeThenFail() {
            Writer w = Writer.named("Le Guin");
            Title.objects.create(t -> {
                t.name = "The Dispossessed";
                t.writer.set(w);
            });
            throw new IllegalStateException("the method fails after its writes");
        }

        /** Writes with Quarry and with JDBC; each sees the other's uncommitted row. */
        @Transactional
        public List<Object> writeWithBoth() {
            Writer.named("by Quarry");
            Long seenByJdbc = jdbc.queryForObject("SELECT COUNT(*) FROM writer WHERE name = 'by Quarry'", Long.class);
            jdbc.update("INSERT INTO writer (name) VALUES ('by JDBC')");
            long seenByQuarry = Writer.objects.filter("name", "by JDBC").count();
            return List.of(seenByJdbc, seenByQuarry);
        }

        /** A failing nested block, then a successful one, in one Spring transaction. */
        @Transactional
        public void nestedBlocks() {
            Writer.named("outer");
            try {
                quarry.atomic().run(() -> {
                    Writer.named("in the failed block");
                    throw new IllegalStateException("the nested block fails");
                });
            } catch (IllegalStateException expected) {
                // the savepoint is rolled back; the transaction goes on
            }
            quarry.atomic().run(() -> Writer.named("in the kept block"));
        }

        /** A nested block that commits nothing, in a method that then fails. */
        @Transactional
        public void blockThenFail() {
            quarry.atomic().run(() -> Writer.named("in a block"));
            throw new IllegalStateException("the method fails after the block returned");
        }

        /** Registers an onCommit callback and reports whether it ran before the method returned. */
        @Transactional
        public boolean onCommit(List<String> ran) {
            quarry.onCommit(() -> ran.add("after commit"));
            Writer.named("x");
            return !ran.isEmpty();
        }

        /** The writers' names, in a read-only transaction. */
        @Transactional(readOnly = true)
        public List<String> namesReadOnly() {
            return Writer.objects.orderBy("name").valuesList("name", String.class).list();
        }

        /** The writers' names, in a read-write transaction. */
        @Transactional
        public List<String> namesReadWrite() {
            return Writer.objects.orderBy("name").valuesList("name", String.class).list();
        }
    }

    private void run(String backend, List<String> extra, Consumer<AssertableApplicationContext> test) {
        TestDatabase db = TestDatabase.create(backend);
        databases.add(db);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, QuarryAutoConfiguration.class))
                .withPropertyValues(db.springDataSource())
                .withPropertyValues("quarry.model-packages=dev.quarry.spring.library", "quarry.create-tables=true")
                .withPropertyValues(extra.toArray(String[]::new))
                .withBean(Library.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    test.accept(context);
                });
    }

    private static List<String> names() {
        return Writer.objects.orderBy("name").valuesList("name", String.class).list();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aTransactionalMethodThatThrowsRollsBackQuarrysWrites(String backend) {
        run(backend, List.of(), context -> {
            Library library = context.getBean(Library.class);
            assertThatThrownBy(library::writeThenFail).hasMessage("the method fails after its writes");
            assertThat(Writer.objects.count()).isZero();
            assertThat(Title.objects.count()).isZero();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void quarryAndJdbcShareTheTransactionsConnectionAndCommitTogether(String backend) {
        run(backend, List.of(), context -> {
            Library library = context.getBean(Library.class);
            Queries queries = new Queries(context.getBean(Quarry.class));
            // Quarry's insert, its count: the BEGIN and COMMIT are Spring's, not Quarry's
            assertThat(queries.captured(() -> assertThat(library.writeWithBoth()).containsExactly(1L, 1L)))
                    .extracting(q -> q.sql().split(" ")[0]).containsExactly("INSERT", "SELECT");
            assertThat(names()).containsExactly("by JDBC", "by Quarry");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void atomicInsideATransactionalMethodIsASavepoint(String backend) {
        run(backend, List.of(), context -> {
            Library library = context.getBean(Library.class);
            library.nestedBlocks();
            assertThat(names()).containsExactly("in the kept block", "outer");
            Writer.objects.all().delete();
            assertThatThrownBy(library::blockThenFail).isInstanceOf(IllegalStateException.class);
            assertThat(names()).as("the block's release committed nothing").isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void onCommitCallbacksRunAfterSpringCommits(String backend) {
        run(backend, List.of(), context -> {
            List<String> ran = new ArrayList<>();
            assertThat(context.getBean(Library.class).onCommit(ran)).as("ran before the commit").isFalse();
            assertThat(ran).containsExactly("after commit");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void readOnlyTransactionsReadFromTheReplicas(String backend) {
        TestDatabase replica = TestDatabase.create(backend);
        databases.add(replica);
        replica.createTables();
        List<String> props = new ArrayList<>(List.of(replica.asReplica("replica")));
        run(backend, props, context -> {
            Writer.objects.using("replica").create(w -> w.name = "on the replica");
            Writer.objects.using("default").create(w -> w.name = "on the primary");
            Library library = context.getBean(Library.class);
            assertThat(library.namesReadOnly()).containsExactly("on the replica");
            assertThat(library.namesReadWrite()).containsExactly("on the primary");
            assertThat(names()).containsExactly("on the replica");
        });
    }
}
