package dev.quarry.cli;

import dev.quarry.Model;
import dev.quarry.migrations.Migration;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads {@link Settings} from a properties file ({@code quarry.properties}):
 *
 * <pre>
 * quarry.url = jdbc:postgresql://localhost:5432/library
 * quarry.user = library
 * quarry.password = secret
 * quarry.models = com.example.library.model, com.example.audit.AuditEntry
 * quarry.migrations.package = com.example.library.migrations
 * quarry.migrations.source-dir = src/main/java
 * quarry.app = library
 * quarry.databases.replica.url = jdbc:postgresql://replica:5432/library
 * </pre>
 *
 * <p>{@code quarry.models} lists packages (scanned with their subpackages) or classes, separated by commas;
 * the migrations are the classes of {@code quarry.migrations.package}. A relative source directory is
 * relative to the file's folder. A value {@code ${env:NAME}} is read from the environment variable.
 */
public final class PropertiesSettings {
    /** The keys this reader knows; another key starting with {@code quarry.} is refused as a likely typo. */
    static final List<String> KEYS = List.of("quarry.url", "quarry.user", "quarry.password", "quarry.models",
            "quarry.app", "quarry.migrations.package", "quarry.migrations.source-dir");

    private PropertiesSettings() {}

    /** The settings in {@code file}, with {@code overrides} ({@code -D key=value}) replacing its values; classes come from {@code loader}. */
    public static Settings read(Path file, Map<String, String> overrides, ClassLoader loader) {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            throw new SettingsError("The settings file " + file.toAbsolutePath() + " does not exist. Create it (quarry.url, "
                    + "quarry.models, quarry.migrations.package; see docs/commands.md), point --settings at another, "
                    + "or give --config-class");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new SettingsError("Cannot read the settings file " + file + ": " + e.getMessage());
        }
        p.putAll(overrides);
        Path folder = file.toAbsolutePath().getParent();
        return of(p, folder, loader, file.toString());
    }

    /** The settings in {@code p}; relative paths are relative to {@code folder}; {@code source} names where they came from. */
    static Settings of(Properties p, Path folder, ClassLoader loader, String source) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("quarry.") && !KEYS.contains(key) && !key.matches("quarry\\.databases\\.[^.]+\\.(url|user|password)")) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SettingsError("Unknown settings " + unknown + " in " + source + "; the keys are " + KEYS
                    + " and quarry.databases.NAME.url/user/password");
        }
        Settings.Builder b = Settings.builder();
        String url = value(p, "quarry.url");
        if (url != null) {
            b.url(url, value(p, "quarry.user"), value(p, "quarry.password"));
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith("quarry.databases.") && key.endsWith(".url")) {
                String name = key.substring("quarry.databases.".length(), key.length() - ".url".length());
                String prefix = "quarry.databases." + name + ".";
                b.database(name, value(p, key), value(p, prefix + "user"), value(p, prefix + "password"));
            }
        }
        ClassScanner scanner = new ClassScanner(loader);
        String models = value(p, "quarry.models");
        if (models == null) {
            throw new SettingsError("quarry.models is missing in " + source + ": list the packages (or classes) of your "
                    + "models, separated by commas");
        }
        List<Class<? extends Model>> found = new ArrayList<>();
        for (String name : models.split(",")) {
            List<Class<? extends Model>> some = scanner.find(name.trim(), Model.class, true);
            if (some.isEmpty()) {
                throw new SettingsError("quarry.models names " + name.trim() + ", where no model class was found on the class "
                        + "path. Check the package name, and that the classes are compiled (mvn compile)");
            }
            found.addAll(some);
        }
        b.models(found);
        String pkg = value(p, "quarry.migrations.package");
        if (pkg != null) {
            b.migrationsPackage(pkg);
            b.migrations(scanner.find(pkg, Migration.class, false));
        }
        String app = value(p, "quarry.app");
        if (app != null) {
            b.app(app);
        }
        String dir = value(p, "quarry.migrations.source-dir");
        b.sourceDir(folder.resolve(dir != null ? dir : "src/main/java").normalize());
        return b.build();
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.trim();
        if (v.startsWith("${env:") && v.endsWith("}")) {
            String name = v.substring("${env:".length(), v.length() - 1);
            String env = System.getenv(name);
            if (env == null) {
                throw new SettingsError(key + " is read from the environment variable " + name + ", which is not set");
            }
            return env;
        }
        return v;
    }
}
