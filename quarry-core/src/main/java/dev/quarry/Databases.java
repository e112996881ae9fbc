package dev.quarry;

import dev.quarry.backend.Backends;
import dev.quarry.db.ConnectionSource;
import dev.quarry.db.Database;
import dev.quarry.model.ModelMeta;
import dev.quarry.schema.SchemaBuilder;
import dev.quarry.spi.Backend;
import dev.quarry.spi.TableDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** How the builder's databases are given (a DataSource, or a URL with its credentials) and opened. */
final class Databases {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

    private Databases() {}

    /** {@code name}, checked to be a simple name not given before. */
    static String checkName(String name, Set<String> given) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ImproperlyConfigured("Quarry.builder().database(name, ...): a database name is a letter followed by "
                    + "letters, digits, '_' or '-' (at most 63), such as \"replica\" or \"analytics\"");
        }
        if (given.contains(name)) {
            throw new ImproperlyConfigured("Quarry.builder(): the database '" + name + "' is given twice");
        }
        return name;
    }

    /** One database as given to the builder. */
    record Spec(DataSource dataSource, String url, String user, String password) {
        static Spec of(DataSource dataSource) {
            return new Spec(dataSource, null, null, null);
        }

        static Spec of(DataSource dataSource, String url) {
            return new Spec(dataSource, url, null, null);
        }

        static Spec of(String url, String user, String password) {
            return new Spec(null, url, user, password);
        }

        /**
         * The database: its backend found from the URL (asked of a connection when only a DataSource was
         * given), joining the transactions {@code external} reports (or {@code null}). Connects lazily otherwise.
         */
        Database open(String name, ExternalTransactions external) {
            String jdbcUrl = url;
            if (jdbcUrl == null) {
                try (Connection c = dataSource.getConnection()) {
                    jdbcUrl = c.getMetaData().getURL();
                } catch (SQLException e) {
                    throw new ImproperlyConfigured("Cannot connect to the database '" + name + "' to find its URL: "
                            + e.getMessage());
                }
            }
            Backend backend = Backends.forUrl(jdbcUrl);
            ConnectionSource source = dataSource != null ? ConnectionSource.of(dataSource, backend)
                    : ConnectionSource.of(url, user, password, backend);
            return new Database(source, backend, external == null ? null : () -> external.current(name).orElse(null));
        }
    }

    /** The tables of {@code models}, without the many-to-many tables of relations to models left out. */
    static List<TableDef> tables(List<ModelMeta> models) {
        java.util.Set<String> skipped = new java.util.HashSet<>();
        for (ModelMeta m : models) {
            for (dev.quarry.model.ManyToManyMeta mm : m.manyToMany()) {
                if (!mm.hasThroughModel() && !models.contains(mm.target())) {
                    skipped.add(mm.throughTable());
                }
            }
        }
        List<TableDef> all = SchemaBuilder.tables(models);
        return skipped.isEmpty() ? all : all.stream().filter(t -> !skipped.contains(t.name())).toList();
    }
}
