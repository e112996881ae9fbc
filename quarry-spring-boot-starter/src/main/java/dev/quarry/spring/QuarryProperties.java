package dev.quarry.spring;

import dev.quarry.FetchMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code quarry.*} properties: where the models are, how the Quarry is set up, and its read
 * replicas. The {@code "default"} database is always the application's {@code DataSource}
 * ({@code spring.datasource.*}).
 */
@ConfigurationProperties("quarry")
public class QuarryProperties {
    private List<String> modelPackages = new ArrayList<>();
    private FetchMode fetchMode = FetchMode.LAZY;
    private boolean install = true;
    private boolean createTables;
    private Map<String, Replica> replicas = new LinkedHashMap<>();
    private Duration readYourWrites = Duration.ofSeconds(2);
    private Duration maxReplicaLag = Duration.ofSeconds(10);

    /** The packages scanned for Model subclasses; empty: the application's own package (that of {@code @SpringBootApplication}). */
    public List<String> getModelPackages() {
        return modelPackages;
    }

    /** Sets the packages scanned for Model subclasses. */
    public void setModelPackages(List<String> modelPackages) {
        this.modelPackages = modelPackages;
    }

    /** The fetch mode of QuerySets that do not set one (LAZY unless set). */
    public FetchMode getFetchMode() {
        return fetchMode;
    }

    /** Sets the default fetch mode. */
    public void setFetchMode(FetchMode fetchMode) {
        this.fetchMode = fetchMode;
    }

    /** Whether the Quarry is installed, so that {@code Author.objects...} run on it (true unless set). */
    public boolean isInstall() {
        return install;
    }

    /** Sets whether the Quarry is installed. */
    public void setInstall(boolean install) {
        this.install = install;
    }

    /**
     * Whether the models' tables are created at start-up when the database has none of them yet (false
     * unless set: use migrations in production).
     */
    public boolean isCreateTables() {
        return createTables;
    }

    /** Sets whether the models' tables are created at start-up. */
    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    /** Read replicas of the application's database by name; with any, a PrimaryReplicaRouter routes reads to them. */
    public Map<String, Replica> getReplicas() {
        return replicas;
    }

    /** Sets the read replicas. */
    public void setReplicas(Map<String, Replica> replicas) {
        this.replicas = replicas;
    }

    /** How long after a thread's write its reads still go to the primary (2 s unless set). */
    public Duration getReadYourWrites() {
        return readYourWrites;
    }

    /** Sets the read-your-writes window. */
    public void setReadYourWrites(Duration readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    /** The most lag a replica may have and still serve reads (10 s unless set). */
    public Duration getMaxReplicaLag() {
        return maxReplicaLag;
    }

    /** Sets the lag bound of replicas. */
    public void setMaxReplicaLag(Duration maxReplicaLag) {
        this.maxReplicaLag = maxReplicaLag;
    }

    /** How one read replica is reached (a pool of its own is made for it). */
    public static class Replica {
        private String url;
        private String username;
        private String password;

        /** The replica's JDBC URL. */
        public String getUrl() {
            return url;
        }

        /** Sets the replica's JDBC URL. */
        public void setUrl(String url) {
            this.url = url;
        }

        /** The user to log in as. */
        public String getUsername() {
            return username;
        }

        /** Sets the user to log in as. */
        public void setUsername(String username) {
            this.username = username;
        }

        /** The password. */
        public String getPassword() {
            return password;
        }

        /** Sets the password. */
        public void setPassword(String password) {
            this.password = password;
        }
    }
}
