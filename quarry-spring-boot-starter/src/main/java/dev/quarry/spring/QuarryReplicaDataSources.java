package dev.quarry.spring;

import dev.quarry.ImproperlyConfigured;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;

/** The pools of the read replicas named in {@code quarry.replicas.*}, by name; closed with the application context. */
public final class QuarryReplicaDataSources implements AutoCloseable {
    private final Map<String, DataSource> dataSources;

    private QuarryReplicaDataSources(Map<String, DataSource> dataSources) {
        this.dataSources = Collections.unmodifiableMap(dataSources);
    }

    /** A pool (HikariCP when present) for each replica; a replica without a URL is refused naming it. */
    static QuarryReplicaDataSources of(Map<String, QuarryProperties.Replica> replicas) {
        Map<String, DataSource> out = new LinkedHashMap<>();
        replicas.forEach((name, r) -> {
            if (r.getUrl() == null || r.getUrl().isBlank()) {
                throw new ImproperlyConfigured("quarry.replicas." + name + ".url is required (the replica's JDBC URL)");
            }
            out.put(name, DataSourceBuilder.create().url(r.getUrl()).username(r.getUsername()).password(r.getPassword())
                    .build());
        });
        return new QuarryReplicaDataSources(out);
    }

    /** The replicas' DataSources by name, in the order configured. */
    public Map<String, DataSource> dataSources() {
        return dataSources;
    }

    /** Closes each pool that can be closed. */
    @Override
    public void close() throws Exception {
        for (DataSource ds : dataSources.values()) {
            if (ds instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
