package dev.quarry.spring;

import dev.quarry.Quarry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of each of the Quarry's databases ({@code /actuator/health/quarry}): up when a connection
 * answers (with the replication lag where a replica reports one), down naming the database and the
 * error class otherwise. Never the URL or the error message, which may carry credentials or values.
 */
public class QuarryHealthIndicator extends AbstractHealthIndicator {
    private final Quarry quarry;

    /** Reports on {@code quarry}'s databases. */
    public QuarryHealthIndicator(Quarry quarry) {
        super("Quarry health check failed");
        this.quarry = quarry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> databases = new LinkedHashMap<>();
        for (String name : quarry.databases()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("vendor", quarry.vendor(name));
            try {
                Optional<java.time.Duration> lag = quarry.replicationLag(name);
                d.put("status", "UP");
                lag.ifPresent(l -> d.put("lagMillis", l.toMillis()));
            } catch (RuntimeException e) {
                up = false;
                d.put("status", "DOWN");
                d.put("error", e.getClass().getSimpleName());
            }
            databases.put(name, d);
        }
        builder.status(up ? org.springframework.boot.actuate.health.Status.UP : org.springframework.boot.actuate.health.Status.DOWN)
                .withDetail("databases", databases);
    }
}
