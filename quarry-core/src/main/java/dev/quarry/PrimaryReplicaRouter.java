package dev.quarry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ready {@link Router} for one primary and its read replicas. Reads go to the replicas in turn
 * (round robin); writes, and every read on a thread with a read-write transaction open on the primary
 * (Quarry's own, or a framework's it joined), go to the primary (the reads of a read-only transaction
 * go to the replicas); a read soon after a write of the same thread (within {@link Builder#readYourWrites})
 * or later in the same {@link #request() request scope} goes to the primary too, so a caller sees
 * its own writes whatever the replicas' lag. A replica that cannot be reached, or that lags more than
 * {@link Builder#maxLag}, is skipped, with a log line ({@code quarry.routing}) when it leaves and
 * when it rejoins the rotation; with no replica left, reads go to the primary. A read in a
 * transaction opened on a replica ({@code db.atomic("replica").readOnly()}) stays on that replica.
 *
 * <pre>{@code
 * Quarry db = Quarry.builder().url(primaryUrl).database("replica1", replica1Url).database("replica2", replica2Url)
 *         .router(PrimaryReplicaRouter.builder().replicas("replica1", "replica2").build())
 *         .models(...).build();
 * }</pre>
 *
 * <p>Relations are allowed between instances of the primary and its replicas (they hold the same
 * rows); tables are created on the primary only (replicas get them by replication). Replica health
 * is probed on the reading thread at most once per {@link Builder#checkEvery} per replica, with
 * {@link Quarry#replicationLag(String)} unless another probe is given. Thread-safe.
 */
public final class PrimaryReplicaRouter implements Router {
    private static final Logger LOG = LoggerFactory.getLogger("quarry.routing");

    /** How a replica's lag is measured: empty when it cannot tell, an exception when it cannot be reached. */
    @FunctionalInterface
    public interface LagProbe {
        /** The lag of {@code database} of {@code quarry}. */
        Optional<Duration> lag(Quarry quarry, String database);
    }

    /** A request's pinning to the primary after its first write; {@link #close()} ends it (try-with-resources). */
    public interface Scope extends AutoCloseable {
        /** Ends the scope; reads go by the write window again. */
        @Override
        void close();
    }

    private static final class Health {
        final String name;
        final AtomicBoolean checking = new AtomicBoolean();
        volatile long checkedAt = Long.MIN_VALUE;
        volatile boolean usable = true;
        volatile String state = "not checked yet";

        Health(String name) {
            this.name = name;
        }
    }

    private static final class RequestState {
        final RequestState outer;
        boolean wrote;

        RequestState(RequestState outer) {
            this.outer = outer;
        }
    }

    private final String primary;
    private final List<String> replicas;
    private final Map<String, Health> health;
    private final long windowMillis;
    private final Duration maxLag;
    private final long checkEveryMillis;
    private final Clock clock;
    private final LagProbe probe;
    private final AtomicInteger next = new AtomicInteger();
    private final ThreadLocal<long[]> lastWrite = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE});
    private final ThreadLocal<RequestState> request = new ThreadLocal<>();

    private PrimaryReplicaRouter(Builder b) {
        this.primary = b.primary;
        this.replicas = List.copyOf(b.replicas);
        Map<String, Health> h = new LinkedHashMap<>();
        for (String r : replicas) {
            h.put(r, new Health(r));
        }
        this.health = Collections.unmodifiableMap(h);
        this.windowMillis = b.readYourWrites.toMillis();
        this.maxLag = b.maxLag;
        this.checkEveryMillis = b.checkEvery.toMillis();
        this.clock = b.clock;
        this.probe = b.probe;
    }

    /** Starts configuring a router: primary {@code "default"}, no replicas yet, a 2 s write window, a 10 s lag bound, checks every second. */
    public static Builder builder() {
        return new Builder();
    }

    /** The primary for reads in a read-write transaction, soon after a write or pinned by a request; otherwise the next usable replica. */
    @Override
    public Optional<String> dbForRead(Class<? extends Model> model, Hints hints) {
        for (String r : replicas) {
            if (hints.inTransaction(r)) {
                return Optional.of(r);
            }
        }
        // A read-only transaction on the primary (Spring's @Transactional(readOnly = true)) needs no primary.
        if ((hints.inTransaction(primary) && !hints.inReadOnlyTransaction(primary)) || pinned()) {
            return Optional.of(primary);
        }
        return Optional.of(chooseReplica(hints.quarry()).orElse(primary));
    }

    /** The primary, always; the write pins this thread's reads to the primary for the window (and its request scope). */
    @Override
    public Optional<String> dbForWrite(Class<? extends Model> model, Hints hints) {
        lastWrite.get()[0] = clock.millis();
        RequestState r = request.get();
        if (r != null) {
            r.wrote = true;
        }
        return Optional.of(primary);
    }

    /** Allowed between instances of the primary and its replicas (they hold the same rows); no opinion otherwise. */
    @Override
    public Optional<Boolean> allowRelation(Model a, Model b) {
        Optional<String> da = a.database();
        Optional<String> db = b.database();
        if (da.isPresent() && db.isPresent() && inPool(da.get()) && inPool(db.get())) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    /** Tables on the primary, none on the replicas; no opinion on other databases. */
    @Override
    public Optional<Boolean> allowMigrate(String database, Class<? extends Model> model) {
        if (database.equals(primary)) {
            return Optional.of(true);
        }
        return replicas.contains(database) ? Optional.of(false) : Optional.empty();
    }

    private boolean inPool(String name) {
        return name.equals(primary) || replicas.contains(name);
    }

    /**
     * Opens a request scope on this thread: after the first write routed in it, every read of the
     * thread goes to the primary until the scope is closed, however long that takes. Scopes nest.
     */
    public Scope request() {
        RequestState state = new RequestState(request.get());
        request.set(state);
        return () -> {
            if (request.get() == state) {
                if (state.outer == null) {
                    request.remove();
                } else {
                    request.set(state.outer);
                }
            }
        };
    }

    /** Whether this thread's reads go to the primary now because of its own recent write. */
    private boolean pinned() {
        for (RequestState r = request.get(); r != null; r = r.outer) {
            if (r.wrote) {
                return true;
            }
        }
        long at = lastWrite.get()[0];
        return at != Long.MIN_VALUE && windowMillis > 0 && clock.millis() - at < windowMillis;
    }

    /** The next usable replica in turn (probing those whose last check is older than the check interval), or empty when none is. */
    public Optional<String> chooseReplica(Quarry quarry) {
        int n = replicas.size();
        if (n == 0) {
            return Optional.empty();
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Health h = health.get(replicas.get((start + i) % n));
            check(quarry, h);
            if (h.usable) {
                return Optional.of(h.name);
            }
        }
        return Optional.empty();
    }

    private void check(Quarry quarry, Health h) {
        long now = clock.millis();
        if (h.checkedAt != Long.MIN_VALUE && now - h.checkedAt < checkEveryMillis) {
            return;
        }
        if (!h.checking.compareAndSet(false, true)) {
            return; // another thread is probing it; use the last state
        }
        try {
            boolean usable;
            String state;
            try {
                Optional<Duration> lag = probe.lag(quarry, h.name);
                usable = lag.isEmpty() || lag.get().compareTo(maxLag) <= 0;
                if (lag.isEmpty()) {
                    state = "up (lag not reported)";
                } else if (usable) {
                    state = "lag " + seconds(lag.get());
                } else {
                    state = "lagging " + seconds(lag.get()) + " behind the primary (bound " + seconds(maxLag) + ")";
                }
            } catch (RuntimeException e) {
                usable = false;
                state = "unreachable (" + e.getClass().getSimpleName() + (e instanceof DatabaseError d && d.sqlState() != null
                        ? ", SQLSTATE " + d.sqlState() : "") + ")";
            }
            boolean was = h.usable;
            h.usable = usable;
            h.state = state;
            h.checkedAt = clock.millis();
            if (was && !usable) {
                LOG.warn("Replica '{}' skipped: {}; its reads go to {}", h.name, state,
                        replicas.size() > 1 ? "the other replicas" : "the primary '" + primary + "'");
            } else if (!was && usable) {
                LOG.info("Replica '{}' back in rotation: {}", h.name, state);
            }
        } finally {
            h.checking.set(false);
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Each replica and what its last check found ({@code "lag 0.2 s"}, {@code "unreachable (...)"}, ...), for health reports. */
    public Map<String, String> replicaStates() {
        Map<String, String> out = new LinkedHashMap<>();
        health.forEach((name, h) -> out.put(name, (h.usable ? "" : "skipped: ") + h.state));
        return Collections.unmodifiableMap(out);
    }

    /** The primary and the replicas, for debugging. */
    @Override
    public String toString() {
        return "PrimaryReplicaRouter[primary " + primary + ", replicas " + replicas + "]";
    }

    /** Configures a {@link PrimaryReplicaRouter}. */
    public static final class Builder {
        private String primary = Routing.DEFAULT;
        private final List<String> replicas = new ArrayList<>();
        private Duration readYourWrites = Duration.ofSeconds(2);
        private Duration maxLag = Duration.ofSeconds(10);
        private Duration checkEvery = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private LagProbe probe = Quarry::replicationLag;

        private Builder() {}

        /** The database writes go to ({@code "default"} unless set). */
        public Builder primary(String name) {
            this.primary = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The databases reads go to, in turn. */
        public Builder replicas(String first, String... more) {
            replicas.add(Objects.requireNonNull(first, "replica"));
            for (String m : more) {
                replicas.add(Objects.requireNonNull(m, "replica"));
            }
            return this;
        }

        /** How long after a thread's write its reads still go to the primary; zero turns the window off (request scopes still pin). */
        public Builder readYourWrites(Duration window) {
            this.readYourWrites = nonNegative(window, "readYourWrites");
            return this;
        }

        /** The most lag a replica may have and still serve reads. */
        public Builder maxLag(Duration bound) {
            this.maxLag = nonNegative(bound, "maxLag");
            return this;
        }

        /** How often each replica's health is probed, at most (zero: before every read it might serve). */
        public Builder checkEvery(Duration interval) {
            this.checkEvery = nonNegative(interval, "checkEvery");
            return this;
        }

        /** The clock of the write window and the checks (tests pass a clock they move). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How a replica's lag is measured ({@link Quarry#replicationLag(String)} unless set). */
        public Builder lagProbe(LagProbe probe) {
            this.probe = Objects.requireNonNull(probe, "probe");
            return this;
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d == null || d.isNegative()) {
                throw new ImproperlyConfigured("PrimaryReplicaRouter." + what + "(...) takes a duration of zero or more");
            }
            return d;
        }

        /** The router; a replica named twice, or named as the primary, is refused. */
        public PrimaryReplicaRouter build() {
            if (replicas.contains(primary) || replicas.stream().distinct().count() != replicas.size()) {
                throw new ImproperlyConfigured("PrimaryReplicaRouter: each replica must be named once and differ from the "
                        + "primary '" + primary + "'; got replicas " + replicas);
            }
            return new PrimaryReplicaRouter(this);
        }
    }
}
