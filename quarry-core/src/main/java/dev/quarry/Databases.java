package dev.quarry;

import dev.quarry.backend.Backends;
import dev.quarry.db.ConnectionSource;
import dev.quarry.db.Database;
import dev.quarry.spi.Backend;
import java.sql.Connection;
import java.sql.SQLException;
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
}
