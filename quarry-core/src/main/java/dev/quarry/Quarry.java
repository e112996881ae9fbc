package dev.quarry;

import dev.quarry.backend.Backends;
import dev.quarry.db.ConnectionSource;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.schema.SchemaBuilder;
import dev.quarry.spi.Backend;
import dev.quarry.spi.TableDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * One database and the models that live in it: an explicit value that QuerySets run on. Build it
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
 * <p>Thread-safe. {@link #close()} releases its connections; a closed Quarry refuses every query
 * with a message that says so.
 */
public final class Quarry implements AutoCloseable {
    private static final Object INSTALL_LOCK = new Object();
    private static final java.util.concurrent.atomic.AtomicInteger BUILT = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile Quarry installed;

    static {
        Session.installResolver(q -> ((Quarry) q).session);
    }

    private final Database database;
    private final Registry registry;
    private final FetchMode fetchMode;
    private final Session session;
    private final int number = BUILT.incrementAndGet();
    private volatile boolean closed;

    private Quarry(Database database, Registry registry, FetchMode fetchMode) {
        this.database = database;
        this.registry = registry;
        this.fetchMode = fetchMode;
        this.session = new Session(database, registry, this);
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

    /** The database vendor: {@code sqlite}, {@code postgresql} or {@code mysql} (MariaDB and MySQL). */
    public String vendor() {
        return database.backend().vendor();
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

    /** Creates the tables of this Quarry's models (with their many-to-many tables, keys and indexes). */
    public void createTables() {
        checkOpen();
        List<TableDef> tables = SchemaBuilder.tables(registry.models());
        database.execute(SchemaBuilder.createStatements(database.backend().schemaEditor(), tables));
    }

    /** Drops the tables of this Quarry's models. */
    public void dropTables() {
        checkOpen();
        List<TableDef> tables = SchemaBuilder.tables(registry.models());
        database.execute(SchemaBuilder.dropStatements(database.backend().schemaEditor(), tables));
    }

    /** Tells {@code listener} of every statement from now on (tests count queries with it). */
    public void addQueryListener(QueryListener listener) {
        database.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener} of statements. */
    public void removeQueryListener(QueryListener listener) {
        database.removeListener(listener);
    }

    /**
     * An atomic block on this database, Django's {@code transaction.atomic}: the documented way to run
     * a transaction. {@code db.atomic().run(() -> ...)} commits when the code returns and rolls back when
     * it throws; {@code db.atomic().call(() -> value)} returns a value; a block inside another is a
     * savepoint. {@code isolation(...)}, {@code readOnly()} and {@code durable()} set the block up.
     * See {@link Atomic} and {@code docs/guide/10-transactions.md}.
     */
    public Atomic atomic() {
        return new Atomic(this, null, false, false);
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
        database.close();
    }

    /** A number telling this Quarry from others built in the JVM, the vendor and the models, for messages; never the URL (it may carry a password). */
    @Override
    public String toString() {
        return "Quarry#" + number + "[" + database.backend().vendor() + ", models " + registry.models().stream()
                .map(ModelMeta::name).toList() + (closed ? ", closed" : "") + "]";
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

    /** Builds a {@link Quarry}: a data source (or JDBC URL) and the models are required. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private final List<Class<?>> models = new ArrayList<>();
        private FetchMode fetchMode = FetchMode.LAZY;

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

        /** Registers and checks the models, finds the backend, and returns the Quarry; connects lazily. */
        public Quarry build() {
            if (url == null && dataSource == null) {
                throw new ImproperlyConfigured("Quarry.builder(): url(...) or dataSource(...) is required");
            }
            if (models.isEmpty()) {
                throw new ImproperlyConfigured("Quarry.builder(): models(...) is required");
            }
            Registry registry = Registry.of(models);
            String jdbcUrl = url;
            if (jdbcUrl == null) {
                try (Connection c = dataSource.getConnection()) {
                    jdbcUrl = c.getMetaData().getURL();
                } catch (SQLException e) {
                    throw new ImproperlyConfigured("Cannot connect to find the database's URL: " + e.getMessage());
                }
            }
            Backend backend = Backends.forUrl(jdbcUrl);
            ConnectionSource source = dataSource != null ? ConnectionSource.of(dataSource, backend)
                    : ConnectionSource.of(url, user, password, backend);
            return new Quarry(new Database(source, backend), registry, fetchMode);
        }
    }
}
