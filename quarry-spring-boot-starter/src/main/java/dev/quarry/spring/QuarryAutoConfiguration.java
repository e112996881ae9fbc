package dev.quarry.spring;

import dev.quarry.Model;
import dev.quarry.PrimaryReplicaRouter;
import dev.quarry.Quarry;
import dev.quarry.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds the application's {@link Quarry} from its {@code DataSource} (the {@code "default"} database)
 * and the {@code quarry.*} properties: the models found in {@code quarry.model-packages} (or the
 * application's package), read replicas under {@code quarry.replicas.NAME.*} with a
 * {@link PrimaryReplicaRouter} (after any {@link Router} beans), and Spring's transactions joined
 * (see {@link SpringTransactions}). The Quarry is installed unless {@code quarry.install=false}, and
 * closed with the application context. A Quarry bean of the application's own replaces it.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(Quarry.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(QuarryProperties.class)
public class QuarryAutoConfiguration {
    /** The read replicas' pools, made from {@code quarry.replicas.*} and closed with the context. */
    @Bean
    @ConditionalOnMissingBean
    public QuarryReplicaDataSources quarryReplicaDataSources(QuarryProperties properties) {
        return QuarryReplicaDataSources.of(properties.getReplicas());
    }

    /** The Quarry: models scanned, replicas routed, Spring's transactions joined; installed unless told otherwise. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Quarry quarry(DataSource dataSource, QuarryProperties properties, QuarryReplicaDataSources replicas,
                         ObjectProvider<Router> routers, BeanFactory beanFactory, ResourceLoader resourceLoader) {
        List<String> packages = properties.getModelPackages();
        if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
            packages = AutoConfigurationPackages.get(beanFactory);
        }
        List<Class<? extends Model>> models = ModelScanner.scan(packages, resourceLoader);
        Map<String, DataSource> joined = new LinkedHashMap<>();
        joined.put("default", dataSource);
        Quarry.Builder b = Quarry.builder().dataSource(dataSource).models(models).fetchMode(properties.getFetchMode())
                .externalTransactions(new SpringTransactions(joined));
        replicas.dataSources().forEach(b::database);
        routers.orderedStream().forEach(b::router);
        if (!replicas.dataSources().isEmpty()) {
            List<String> names = List.copyOf(replicas.dataSources().keySet());
            b.router(PrimaryReplicaRouter.builder().replicas(names.get(0), names.subList(1, names.size()).toArray(String[]::new))
                    .readYourWrites(properties.getReadYourWrites()).maxLag(properties.getMaxReplicaLag()).build());
        }
        Quarry quarry = b.build();
        try {
            if (properties.isCreateTables()) {
                Tables.createIfAbsent(quarry, dataSource);
            }
            if (properties.isInstall()) {
                quarry.install();
            }
        } catch (RuntimeException e) {
            quarry.close();
            throw e;
        }
        return quarry;
    }

    /** A {@code quarry} health contributor, when Spring Boot's actuator is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "quarryHealthIndicator")
        QuarryHealthIndicator quarryHealthIndicator(Quarry quarry) {
            return new QuarryHealthIndicator(quarry);
        }
    }

    /** Timers of Quarry's statements, when Micrometer is on the class path and a registry is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        QuarryMetrics quarryMetrics(Quarry quarry, ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            return new QuarryMetrics(quarry, registry);
        }
    }
}
