package dev.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FetchMode;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.spring.library.Title;
import dev.quarry.spring.library.Writer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter's auto-configuration (on SQLite; transactions on every backend are
 * {@link SpringTransactionsTest}'s): a Quarry built from {@code spring.datasource} and the models of
 * {@code quarry.model-packages}, installed, closed with the context, replaced by an application's own;
 * replicas from {@code quarry.replicas.*}; the health indicator and the Micrometer timers only when
 * their libraries are on the class path.
 */
class QuarryAutoConfigurationTest {
    private TestDatabase db;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        Quarry.uninstall();
        db = TestDatabase.create("sqlite");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        QuarryAutoConfiguration.class))
                .withPropertyValues(db.springDataSource())
                .withPropertyValues("quarry.model-packages=dev.quarry.spring.library");
    }

    @AfterEach
    void tearDown() {
        Quarry.uninstall();
        db.close();
    }

    @Test
    void buildsAndInstallsAQuarryOfTheScannedModelsOnTheDataSourceAndClosesItWithTheContext() {
        Quarry[] seen = new Quarry[1];
        runner.withPropertyValues("quarry.create-tables=true", "quarry.fetch-mode=RAISE").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Quarry.class);
            Quarry q = context.getBean(Quarry.class);
            seen[0] = q;
            assertThat(Quarry.current()).isSameAs(q);
            assertThat(q.models()).extracting(ModelInfo::type).containsExactlyInAnyOrder(Writer.class, Title.class);
            assertThat(q.vendor()).isEqualTo("sqlite");
            assertThat(q.fetchMode()).isEqualTo(FetchMode.RAISE);
            assertThat(q.databases()).containsExactly("default");
            Writer.named("Le Guin");
            assertThat(Writer.objects.valuesList("name", String.class).list()).containsExactly("Le Guin");
        });
        assertThat(seen[0].isClosed()).isTrue();
    }

    @Test
    void withoutModelPackagesTheApplicationsPackageIsScanned() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QuarryAutoConfiguration.class))
                .withPropertyValues(db.springDataSource()).withPropertyValues("quarry.install=false")
                .withInitializer(c -> org.springframework.boot.autoconfigure.AutoConfigurationPackages.register(
                        (org.springframework.beans.factory.support.BeanDefinitionRegistry) c.getBeanFactory(),
                        "dev.quarry.spring.library"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Quarry q = context.getBean(Quarry.class);
                    assertThat(q.models()).extracting(ModelInfo::type).contains(Writer.class, Title.class);
                    assertThatThrownBy(Quarry::current).isInstanceOf(ImproperlyConfigured.class);
                });
    }

    @Test
    void packagesWithoutModelsFailTheStartNamingTheProperty() {
        runner.withPropertyValues("quarry.model-packages=dev.quarry.nothing.here").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("quarry.model-packages")
                    .hasMessageContaining("dev.quarry.nothing.here");
        });
    }

    @Test
    void anApplicationsOwnQuarryReplacesTheAutoConfiguredOne() {
        runner.withPropertyValues("quarry.install=false").withBean(Quarry.class,
                () -> Quarry.builder().url(db.url()).models(Writer.class).build(), d -> d.setDestroyMethodName("close"))
                .run(context -> {
                    assertThat(context).hasSingleBean(Quarry.class);
                    assertThat(context.getBean(Quarry.class).models()).extracting(ModelInfo::type)
                            .containsExactly(Writer.class);
                });
    }

    @Test
    void replicasBecomeNamedDatabasesWithAPrimaryReplicaRouter() {
        try (TestDatabase replica = TestDatabase.create("sqlite")) {
            replica.createTables();
            runner.withPropertyValues(replica.asReplica("replica1")).withPropertyValues("quarry.create-tables=true")
                    .run(context -> {
                        Quarry q = context.getBean(Quarry.class);
                        assertThat(q.databases()).containsExactly("default", "replica1");
                        Writer.objects.using("replica1").create(w -> w.name = "on the replica");
                        Writer.objects.using("default").create(w -> w.name = "on the primary");
                        assertThat(Writer.objects.valuesList("name", String.class).list()).containsExactly("on the replica");
                    });
        }
    }

    @Test
    void theHealthIndicatorReportsEachDatabase() {
        runner.run(context -> {
            assertThat(context).hasBean("quarryHealthIndicator");
            Health health = context.getBean("quarryHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("databases"))
                    .isEqualTo(Map.of("default", Map.of("vendor", "sqlite", "status", "UP")));
        });
    }

    @Test
    void theHealthIndicatorIsDownWhenTheDatabaseIsClosed() {
        runner.run(context -> {
            context.getBean(Quarry.class).close();
            Health health = context.getBean("quarryHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void withoutTheActuatorThereIsNoHealthIndicator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Quarry.class).doesNotHaveBean("quarryHealthIndicator");
        });
    }

    @Test
    void micrometerTimesEachStatementByDatabaseAndKind() {
        runner.withPropertyValues("quarry.create-tables=true").withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasSingleBean(QuarryMetrics.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Writer.named("a");
                    Writer.named("b");
                    Writer.objects.count();
                    assertThat(registry.get(QuarryMetrics.TIMER).tags("database", "default", "statement", "insert").timer()
                            .count()).isEqualTo(2);
                    assertThat(registry.get(QuarryMetrics.TIMER).tags("database", "default", "statement", "select").timer()
                            .count()).isEqualTo(1);
                });
    }

    @Test
    void withoutMicrometerThereAreNoTimers() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Quarry.class).doesNotHaveBean(QuarryMetrics.class);
        });
    }
}
