package dev.quarry;

import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.schema.SchemaBuilder;
import dev.quarry.spi.TableDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The models and the databases they live in: an explicit value that QuerySets run on. Build it
 * once; {@link #install()} it to make it the default of {@code Author.objects...}, or bind
 * queries to it with {@code Manager.using(db)} / {@code QuerySet.using(db)}. Several Quarrys, with
 * different models and databases, can live side by side in one JVM: each owns its registry of
 * models and their reverse relations.
 *
 * <pre>{@code
 * Quarry db = Quarry.builder().url("jdbc:sqlite:library.db")
 *         .models(Author.class, Book.class, Review.class, Tag.class).build().install();
 * }</pre>
 *
 * <p>One Quarry may hold several named databases sharing its models: {@code "default"} (given with
 * {@code url(...)} or {@code dataSource(...)}) and others given with
 * {@code builder().database("replica", ...)}. {@code using("replica")} sends a query to one by name;
 * otherwise the {@link Router}s given with {@code builder().router(...)} choose, and without them
 * everything runs on {@code "default"} (see {@code docs/multiple-databases.md}).
 *
 * <p>Thread-safe. {@link #close()} releases its connections; a closed Quarry refuses every query
 * with a message that says so.
 */
public final class Quarry implements AutoCloseable {
    private static final Object INSTALL_LOCK = new Object();
    private static final java.util.concurrent.atomic.AtomicInteger BUILT = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile Quarry installed;

    static {
        Session.installResolver(q -> ((Quarry) q).session, (q, db) -> ((Quarry) q).session(db),
                (q, db) -> ((Quarry) q).routing.migratable(((Quarry) q).registry, db));
    }

    private final Database database;
    private final Registry registry;
    private final FetchMode fetchMode;
    private final Session session;
    private final Map<String, Session> sessions;
    private final Routing routing;
    private final int number = BUILT.incrementAndGet();
    private volatile boolean closed;

    private Quarry(Map<String, Database> databases, Registry registry, FetchMode fetchMode, List<Router> routers) {
        this.registry = registry;
        this.fetchMode = fetchMode;
        Map<String, Session> all = new LinkedHashMap<>();
        databases.forEach((name, d) -> all.put(name, new Session(d, registry, this, name)));
        this.sessions = Collections.unmodifiableMap(all);
        this.session = sessions.get(Routing.DEFAULT);
        this.database = session.database();
        this.routing = new Routing(routers);
        sessions.forEach((name, s) -> dev.quarry.model.BackendChecks.check(routing.migratable(registry, name),
                s.database().backend().features(), name, s.database().backend().vendor()));
    }

    /** Starts building a Quarry. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The installed Quarry, which managers and QuerySets not bound with {@code using(db)} run on;
     * throws {@link ImproperlyConfigured} when none is installed or the installed one was closed.
     */
    public static Quarry current() {
        Quarry q = installed;
        if (q == null) {
            throw new ImproperlyConfigured("No Quarry is installed: build one with Quarry.builder()...build().install(), "
                    + "or bind the query to one with using(db)");
        }
        if (q.closed) {
            throw new ImproperlyConfigured("The installed Quarry (" + q + ") has been closed; build and install a new one");
        }
        return q;
    }

    /** The installed Quarry, or {@code null}; for resolving queries early. */
    static Quarry installedOrNull() {
        return installed;
    }

    /**
     * Makes this the default Quarry of managers and QuerySets that are not bound with
     * {@code using(db)}; returns this. Installing is deliberate: while another open Quarry is
     * installed this throws, naming it; {@link #uninstall()} (or closing it) first. Installing the
     * installed Quarry again does nothing.
     */
    public Quarry install() {
        checkOpen();
        synchronized (INSTALL_LOCK) {
            Quarry current = installed;
            if (current != null && current != this && !current.closed) {
                throw new ImproperlyConfigured("Another Quarry is installed (" + current + "). Close it or call "
                        + "Quarry.uninstall() before installing " + this + ", or bind queries with using(db) instead");
            }
            installed = this;
        }
        return this;
    }

    /** Clears the installed Quarry, if any; managers not bound with {@code using(db)} then fail until one is installed. */
    public static void uninstall() {
        synchronized (INSTALL_LOCK) {
            installed = null;
        }
    }

    /**
     * Runs a hand-written INSERT, UPDATE, DELETE or DDL statement with {@code ?} bind parameters on the
     * {@code "default"} database and returns the rows it changed; inside {@link #atomic()} it joins the
     * transaction. See {@link Statements}; {@link #statements(String)} reaches another database.
     */
    public int execute(String sql, Object... params) {
        return statements(Routing.DEFAULT).execute(sql, params);
    }

    /** Runs a hand-written statement that returns rows on {@code "default"}: each row a map from column label to value. */
    public List<Map<String, Object>> query(String sql, Object... params) {
        return statements(Routing.DEFAULT).query(sql, params);
    }

    /** As {@link #query}, each row a list of values in column order. */
    public List<List<Object>> queryLists(String sql, Object... params) {
        return statements(Routing.DEFAULT).queryLists(sql, params);
    }

    /** Hand-written statements on the named database (Django's {@code connections[name].cursor()}). */
    public Statements statements(String database) {
        checkOpen().session(database);
        return new Statements(this, database);
    }

    /** The vendor of the {@code "default"} database: {@code sqlite}, {@code postgresql} or {@code mysql} (MariaDB and MySQL). */
    public String vendor() {
        return database.backend().vendor();
    }

    /** The vendor of the named database; a name that is not one of this Quarry's databases is refused naming them. */
    public String vendor(String database) {
        return session(database).database().backend().vendor();
    }

    /** The names of this Quarry's databases, {@code "default"} first, then in the order they were given to the builder. */
    public List<String> databases() {
        return List.copyOf(sessions.keySet());
    }

    /**
     * How far the named database, a replica, is behind its primary: empty when it is no replica (or its
     * database cannot tell); a {@link DatabaseError} when it cannot be reached. Runs one query.
     */
    public Optional<Duration> replicationLag(String database) {
        checkOpen();
        Database d = session(database).database();
        return Optional.ofNullable(d.withConnection(c -> d.backend().replicationLag(c).orElse(null)));
    }

    /** Read-only descriptions of this Quarry's models (those named, and those their relations reach). */
    public List<ModelInfo> models() {
        return registry.models().stream().map(m -> new ModelInfo(registry, m)).toList();
    }

    /** The read-only description of one of this Quarry's models; a class that is not one is refused naming them. */
    public ModelInfo model(Class<? extends Model> type) {
        return new ModelInfo(registry, registry.meta(type));
    }

    /** The fetch mode of QuerySets that do not set one. */
    public FetchMode fetchMode() {
        return fetchMode;
    }

    /**
     * Creates the tables of this Quarry's models (with their many-to-many tables, keys and indexes) on
     * each of its databases, those of the models the routers' {@code allowMigrate} allows there.
     */
    public void createTables() {
        for (String name : sessions.keySet()) {
            createTables(name);
        }
    }

    /** Creates, on the named database, the tables of the models the routers' {@code allowMigrate} allows there. */
    public void createTables(String database) {
        changeSchema(database, true);
    }

    /** Drops the tables of this Quarry's models from each database the routers allow them on. */
    public void dropTables() {
        for (String name : sessions.keySet()) {
            dropTables(name);
        }
    }

    /** Drops, from the named database, the tables of the models the routers' {@code allowMigrate} allows there. */
    public void dropTables(String database) {
        changeSchema(database, false);
    }

    private void changeSchema(String database, boolean create) {
        checkOpen();
        Database d = session(database).database();
        List<TableDef> tables = Databases.tables(routing.migratable(registry, database));
        if (!tables.isEmpty()) {
            var editor = d.backend().schemaEditor();
            d.execute(create ? SchemaBuilder.createStatements(editor, tables) : SchemaBuilder.dropStatements(editor, tables));
        }
    }

    /** Tells {@code listener} of every statement run on any of this Quarry's databases from now on (tests count queries with it). */
    public void addQueryListener(QueryListener listener) {
        Objects.requireNonNull(listener, "listener");
        for (Session s : sessions.values()) {
            s.database().addListener(listener);
        }
    }

    /** Tells {@code listener} of every statement run on the named database from now on. */
    public void addQueryListener(String database, QueryListener listener) {
        session(database).database().addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener} of statements, on every database. */
    public void removeQueryListener(QueryListener listener) {
        for (Session s : sessions.values()) {
            s.database().removeListener(listener);
        }
    }

    /**
     * An atomic block on this database, Django's {@code transaction.atomic}: the documented way to run
     * a transaction. {@code db.atomic().run(() -> ...)} commits when the code returns and rolls back when
     * it throws; {@code db.atomic().call(() -> value)} returns a value; a block inside another is a
     * savepoint. {@code isolation(...)}, {@code readOnly()} and {@code durable()} set the block up.
     * See {@link Atomic} and {@code docs/guide/10-transactions.md}.
     */
    public Atomic atomic() {
        return new Atomic(this, Routing.DEFAULT, null, false, false);
    }

    /** An atomic block on the named database (Django's {@code atomic(using=...)}); see {@link #atomic()}. */
    public Atomic atomic(String database) {
        session(database);
        return new Atomic(this, database, null, false, false);
    }

    /**
     * Runs {@code callback} after the outermost transaction of this thread commits, or drops it if
     * the block that registered it rolls back; outside a transaction, runs it at once (Django's
     * {@code transaction.on_commit}). A callback that throws does not stop the others; the first
     * exception reaches the caller of the committing block, after the commit.
     */
    public void onCommit(Runnable callback) {
        checkOpen();
        database.onCommit(Objects.requireNonNull(callback, "callback"));
    }

    /** Opens a transaction on this thread that closing the returned handle rolls back (for test harnesses). */
    public Rollback testTransaction() {
        checkOpen();
        Database.Rollback r = database.beginRollbackOnly();
        return r::close;
    }

    /** Ends a test transaction by rolling it back. */
    public interface Rollback extends AutoCloseable {
        /** Rolls the transaction back and releases its connection. */
        @Override
        void close();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Releases this Quarry's connections; afterwards every query on it fails saying it is closed.
     * If it is the installed Quarry it stays installed, so that queries say "closed" rather than
     * "not installed", until another one is installed.
     */
    @Override
    public void close() {
        closed = true;
        dev.quarry.load.CompiledShapes.forget(registry, sessions.values());
        RuntimeException first = null;
        for (Session s : sessions.values()) {
            try {
                s.database().close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A number telling this Quarry from others built in the JVM, the vendor and the models, for messages; never the URL (it may carry a password). */
    @Override
    public String toString() {
        return "Quarry#" + number + "[" + database.backend().vendor() + (sessions.size() > 1 ? ", databases "
                + sessions.keySet() : "") + ", models " + registry.models().stream().map(ModelMeta::name).toList()
                + (closed ? ", closed" : "") + "]";
    }

    Quarry checkOpen() {
        if (closed) {
            throw new ImproperlyConfigured("This Quarry (" + this + ") has been closed; build a new one");
        }
        return this;
    }

    Registry registry() {
        return registry;
    }

    Database database() {
        return database;
    }

    Session session() {
        return session;
    }

    /** The session of the named database; a name that is none of this Quarry's databases is refused naming them. */
    Session session(String name) {
        Session s = sessions.get(name);
        if (s == null) {
            throw new ImproperlyConfigured(String.format("%s has no database named '%s'. Its databases are: %s; add one "
                    + "with Quarry.builder().database(\"%s\", ...)", this, name, sessions.keySet(), name));
        }
        return s;
    }

    boolean hasDatabase(String name) {
        return sessions.containsKey(name);
    }

    /** The database a read or write of {@code model} runs on when no name was given, reached from {@code instance} (or {@code null}). */
    String route(boolean write, Class<? extends Model> model, Model instance) {
        if (sessions.size() == 1 && routing.isEmpty()) {
            return Routing.DEFAULT;
        }
        return routing.route(this, write, model, instance);
    }

    Routing routing() {
        return routing;
    }

    /** Builds a {@link Quarry}: a data source (or JDBC URL) and the models are required. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private final Map<String, Databases.Spec> databases = new LinkedHashMap<>();
        private final List<Router> routers = new ArrayList<>();
        private final List<Class<?>> models = new ArrayList<>();
        private FetchMode fetchMode = FetchMode.LAZY;
        private ExternalTransactions externalTransactions;

        private Builder() {}

        /** A JDBC URL; Quarry keeps one idle connection (use {@link #dataSource} for a pool). */
        public Builder url(String jdbcUrl) {
            this.url = jdbcUrl;
            return this;
        }

        /** The user for {@link #url}. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password for {@link #url}. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** A DataSource, typically a pool; {@code url} is then only used to pick the backend when given. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * One more database, {@code name}d, reached through a DataSource (typically a pool): a replica, a
         * second store. {@code "default"} is the one given with {@link #url} or {@link #dataSource}.
         */
        public Builder database(String name, DataSource dataSource) {
            databases.put(Databases.checkName(name, databases.keySet()), Databases.Spec.of(Objects.requireNonNull(dataSource,
                    "dataSource")));
            return this;
        }

        /** One more database, {@code name}d, reached with a JDBC URL (Quarry keeps a few connections). */
        public Builder database(String name, String jdbcUrl) {
            return database(name, jdbcUrl, null, null);
        }

        /** One more database, {@code name}d, reached with a JDBC URL, a user and a password. */
        public Builder database(String name, String jdbcUrl, String user, String password) {
            databases.put(Databases.checkName(name, databases.keySet()), Databases.Spec.of(Objects.requireNonNull(jdbcUrl,
                    "jdbcUrl"), user, password));
            return this;
        }

        /** Routers that choose among the databases, asked in this order after those given before (see {@link Router}). */
        public Builder router(Router first, Router... more) {
            routers.add(Objects.requireNonNull(first, "router"));
            for (Router r : more) {
                routers.add(Objects.requireNonNull(r, "router"));
            }
            return this;
        }

        /** The models; those their relations reach are added. */
        @SafeVarargs
        public final Builder models(Class<? extends Model>... models) {
            return models(Arrays.asList(models));
        }

        /** The models; those their relations reach are added. */
        public Builder models(Collection<? extends Class<? extends Model>> models) {
            this.models.addAll(models);
            return this;
        }

        /** The fetch mode of QuerySets that do not set one ({@code RAISE} makes test suites strict). */
        public Builder fetchMode(FetchMode mode) {
            this.fetchMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The transactions of a framework that Quarry's work joins when it has none of its own open on the
         * thread (Spring's, set by {@code quarry-spring-boot-starter}); see {@link ExternalTransactions}.
         */
        public Builder externalTransactions(ExternalTransactions transactions) {
            this.externalTransactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /** Registers and checks the models, finds each database's backend, and returns the Quarry; connects lazily. */
        public Quarry build() {
            Map<String, Databases.Spec> all = new LinkedHashMap<>();
            if (url != null || dataSource != null) {
                if (databases.containsKey(Routing.DEFAULT)) {
                    throw new ImproperlyConfigured("Quarry.builder(): the \"default\" database is given twice, with "
                            + "url(...)/dataSource(...) and with database(\"default\", ...); keep one");
                }
                all.put(Routing.DEFAULT, dataSource != null ? Databases.Spec.of(dataSource, url)
                        : Databases.Spec.of(url, user, password));
            } else if (databases.containsKey(Routing.DEFAULT)) {
                all.put(Routing.DEFAULT, databases.get(Routing.DEFAULT));
            } else {
                throw new ImproperlyConfigured("Quarry.builder(): url(...) or dataSource(...) is required"
                        + (databases.isEmpty() ? "" : " (the \"default\" database; " + databases.keySet()
                        + " were given with database(...))"));
            }
            all.putAll(databases);
            if (models.isEmpty()) {
                throw new ImproperlyConfigured("Quarry.builder(): models(...) is required");
            }
            Registry registry = Registry.of(models);
            Map<String, Database> opened = new LinkedHashMap<>();
            for (Map.Entry<String, Databases.Spec> e : all.entrySet()) {
                opened.put(e.getKey(), e.getValue().open(e.getKey(), externalTransactions));
            }
            return new Quarry(opened, registry, fetchMode, routers);
        }
    }
}
