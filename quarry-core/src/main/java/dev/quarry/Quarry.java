package dev.quarry;

import dev.quarry.backend.Backends;
import dev.quarry.db.ConnectionSource;
import dev.quarry.db.Database;
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
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One database and the models that live in it: the entry point. Build it once, {@link #install()}
 * it, and every {@code Manager} uses it.
 *
 * <pre>{@code
 * Quarry db = Quarry.builder().url("jdbc:sqlite:library.db")
 *         .models(Author.class, Book.class, Review.class, Tag.class).build().install();
 * }</pre>
 */
public final class Quarry implements AutoCloseable {
    private static volatile Quarry current;

    private final Database database;
    private final List<ModelMeta> models;
    private final FetchMode fetchMode;

    private Quarry(Database database, List<ModelMeta> models, FetchMode fetchMode) {
        this.database = database;
        this.models = models;
        this.fetchMode = fetchMode;
    }

    /** Starts building a Quarry. */
    public static Builder builder() {
        return new Builder();
    }

    /** The installed Quarry; throws when none is. */
    public static Quarry current() {
        Quarry q = current;
        if (q == null) {
            throw new ImproperlyConfigured("No Quarry is installed: build one with Quarry.builder()...build().install()");
        }
        return q;
    }

    /** Makes this the Quarry every {@code Manager} uses; returns this. */
    public Quarry install() {
        current = this;
        return this;
    }

    /** Clears the installed Quarry if it is {@code q}. */
    public static void uninstall(Quarry q) {
        if (current == q) {
            current = null;
        }
    }

    /** The database backend (vendor, features, operations). */
    public Backend backend() {
        return database.backend();
    }

    /** The connection and transaction layer; internal, for Quarry's own modules. */
    public Database database() {
        return database;
    }

    /** The models registered with this Quarry (and those their relations reach). */
    public List<Class<?>> models() {
        return models.stream().<Class<?>>map(ModelMeta::type).toList();
    }

    /** The fetch mode of QuerySets that do not set one. */
    public FetchMode fetchMode() {
        return fetchMode;
    }

    /** Creates the tables of this Quarry's models (with their many-to-many tables, keys and indexes). */
    public void createTables() {
        List<TableDef> tables = SchemaBuilder.tables(models);
        database.execute(SchemaBuilder.createStatements(backend().schemaEditor(), tables));
    }

    /** Drops the tables of this Quarry's models. */
    public void dropTables() {
        List<TableDef> tables = SchemaBuilder.tables(models);
        database.execute(SchemaBuilder.dropStatements(backend().schemaEditor(), tables));
    }

    /** Tells {@code listener} of every statement from now on. */
    public void addQueryListener(QueryListener listener) {
        database.addListener(listener);
    }

    public void removeQueryListener(QueryListener listener) {
        database.removeListener(listener);
    }

    /** Runs {@code work} in a transaction (a savepoint when nested) and returns its result; any exception rolls back. */
    public <T> T inTransaction(Supplier<T> work) {
        return database.atomic(work);
    }

    /** Runs {@code work} in a transaction (a savepoint when nested); any exception rolls back. */
    public void useTransaction(Runnable work) {
        database.atomic(() -> {
            work.run();
            return null;
        });
    }

    /** Opens a transaction on this thread that closing the returned handle rolls back (for tests). */
    public Rollback testTransaction() {
        Database.Rollback r = database.beginRollbackOnly();
        return r::close;
    }

    /** Ends a test transaction by rolling it back. */
    public interface Rollback extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void close() {
        uninstall(this);
        database.close();
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

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** A DataSource, typically a pool; {@code url} is then only used to pick the backend when given. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder models(Class<?>... models) {
            return models(Arrays.asList(models));
        }

        public Builder models(Collection<? extends Class<?>> models) {
            this.models.addAll(models);
            return this;
        }

        /** The fetch mode of QuerySets that do not set one ({@code RAISE} makes test suites strict). */
        public Builder fetchMode(FetchMode mode) {
            this.fetchMode = mode;
            return this;
        }

        /** Registers and checks the models, finds the backend, and returns the Quarry; connects lazily. */
        public Quarry build() {
            if (url == null && dataSource == null) {
                throw new ImproperlyConfigured("Quarry.builder(): url or dataSource is required");
            }
            if (models.isEmpty()) {
                throw new ImproperlyConfigured("Quarry.builder(): models(...) is required");
            }
            Registry.register(models);
            String jdbcUrl = url;
            if (jdbcUrl == null) {
                try (Connection c = dataSource.getConnection()) {
                    jdbcUrl = c.getMetaData().getURL();
                } catch (SQLException e) {
                    throw new ImproperlyConfigured("Cannot connect to find the database's URL: " + e.getMessage());
                }
            }
            Backend backend = Backends.forUrl(jdbcUrl);
            ConnectionSource source = dataSource != null ? ConnectionSource.of(dataSource)
                    : ConnectionSource.of(url, user, password);
            java.util.LinkedHashSet<Class<?>> closure = new java.util.LinkedHashSet<>();
            java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(models);
            while (!todo.isEmpty()) {
                Class<?> c = todo.pop();
                if (closure.add(c)) {
                    ModelMeta m = ModelMeta.of(c);
                    m.foreignKeys().forEach(f -> todo.add(f.relation().targetClass()));
                    m.manyToMany().forEach(x -> todo.add(x.targetClass()));
                }
            }
            List<ModelMeta> metas = closure.stream().map(ModelMeta::of).toList();
            return new Quarry(new Database(source, backend), List.copyOf(metas), fetchMode);
        }
    }
}
