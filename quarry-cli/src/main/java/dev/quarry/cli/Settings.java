package dev.quarry.cli;

import dev.quarry.Model;
import dev.quarry.migrations.Migration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@code quarry} command needs to know of an application (Django's settings for
 * {@code manage.py}): its databases, its models, and where its migrations live. Read from a properties
 * file ({@link PropertiesSettings}) or built by the application's own {@link SettingsProvider}. Immutable.
 *
 * <pre>{@code
 * Settings s = Settings.builder().url("jdbc:sqlite:library.db")
 *         .models(List.of(Author.class, Book.class)).migrationsPackage("com.example.migrations")
 *         .migrations(List.of(M0001Initial.class)).build();
 * }</pre>
 */
public final class Settings {
    /** The name of the database that commands use unless {@code --database} names another. */
    public static final String DEFAULT_DATABASE = "default";

    private final Map<String, DatabaseSettings> databases;
    private final List<Class<? extends Model>> models;
    private final String app;
    private final String migrationsPackage;
    private final List<Class<? extends Migration>> migrations;
    private final Path sourceDir;

    private Settings(Builder b) {
        this.databases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.databases));
        this.models = List.copyOf(b.models);
        this.migrationsPackage = b.migrationsPackage;
        this.app = b.app != null ? b.app : defaultApp(b.migrationsPackage);
        this.migrations = List.copyOf(b.migrations);
        this.sourceDir = b.sourceDir != null ? b.sourceDir : Path.of("src", "main", "java");
    }

    /** Starts building settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The app name recorded in {@code quarry_migrations} when none is given: the package segment before
     * {@code .migrations} ({@code com.example.library.migrations} gives {@code library}), else the last segment.
     */
    static String defaultApp(String migrationsPackage) {
        if (migrationsPackage == null || migrationsPackage.isBlank()) {
            return "app";
        }
        String[] parts = migrationsPackage.split("\\.");
        int last = parts.length - 1;
        return parts[last].equals("migrations") && last > 0 ? parts[last - 1] : parts[last];
    }

    /** The databases by name; {@value #DEFAULT_DATABASE} comes first. */
    public Map<String, DatabaseSettings> databases() {
        return databases;
    }

    /** The database named {@code name}; an unknown name is refused with the choices. */
    public DatabaseSettings database(String name) {
        DatabaseSettings d = databases.get(name);
        if (d == null) {
            throw new SettingsError("No database named '" + name + "' in the settings; the databases are " + databases.keySet()
                    + ". Give its URL as quarry.databases." + name + ".url (or quarry.url for \"default\")");
        }
        return d;
    }

    /** The model classes (those their relations reach are added when the Quarry is built). */
    public List<Class<? extends Model>> models() {
        return models;
    }

    /** The app whose migrations these are, as recorded in {@code quarry_migrations}. */
    public String app() {
        return app;
    }

    /** The package of the app's migrations ({@code com.example.library.migrations}), or {@code null}. */
    public String migrationsPackage() {
        return migrationsPackage;
    }

    /** The app's migration classes (found in {@link #migrationsPackage()} when read from a file). */
    public List<Class<? extends Migration>> migrations() {
        return migrations;
    }

    /** The source root makemigrations writes into ({@code src/main/java} by default). */
    public Path sourceDir() {
        return sourceDir;
    }

    @Override
    public String toString() {
        return "Settings[databases=" + databases + ", models=" + models.size() + ", app=" + app + ", migrationsPackage="
                + migrationsPackage + ", migrations=" + migrations.size() + ", sourceDir=" + sourceDir + "]";
    }

    /**
     * How to reach one database.
     *
     * @param url the JDBC URL
     * @param user the user, or {@code null} (the URL may carry it)
     * @param password the password, or {@code null}; never shown by {@link #toString()}
     */
    public record DatabaseSettings(String url, String user, String password) {
        /** Checks the URL. */
        public DatabaseSettings {
            Objects.requireNonNull(url, "url");
        }

        /** The URL and user; the password is left out. */
        @Override
        public String toString() {
            return url + (user == null ? "" : " as " + user);
        }
    }

    /** Builds {@link Settings}: a default database URL and the models are what most commands need. */
    public static final class Builder {
        private final Map<String, DatabaseSettings> databases = new LinkedHashMap<>();
        private final List<Class<? extends Model>> models = new ArrayList<>();
        private final List<Class<? extends Migration>> migrations = new ArrayList<>();
        private String app;
        private String migrationsPackage;
        private Path sourceDir;

        private Builder() {}

        /** The default database's JDBC URL. */
        public Builder url(String url) {
            return database(DEFAULT_DATABASE, url, null, null);
        }

        /** The default database's JDBC URL, user and password. */
        public Builder url(String url, String user, String password) {
            return database(DEFAULT_DATABASE, url, user, password);
        }

        /** A database by name ({@code migrate --database NAME} migrates it). */
        public Builder database(String name, String url, String user, String password) {
            databases.put(Objects.requireNonNull(name, "name"), new DatabaseSettings(url, user, password));
            return this;
        }

        /** Adds model classes. */
        public Builder models(Collection<? extends Class<? extends Model>> classes) {
            models.addAll(classes);
            return this;
        }

        /** The app name recorded in {@code quarry_migrations} (default: from the migrations package). */
        public Builder app(String name) {
            this.app = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The package makemigrations writes new migrations into. */
        public Builder migrationsPackage(String packageName) {
            this.migrationsPackage = Objects.requireNonNull(packageName, "packageName");
            return this;
        }

        /** Adds the app's migration classes. */
        public Builder migrations(Collection<? extends Class<? extends Migration>> classes) {
            migrations.addAll(classes);
            return this;
        }

        /** The source root makemigrations writes into. */
        public Builder sourceDir(Path dir) {
            this.sourceDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The settings. */
        public Settings build() {
            return new Settings(this);
        }
    }
}
