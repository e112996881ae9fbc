package dev.quarry.cli;

/**
 * Implemented by an application to configure the {@code quarry} command in code instead of a properties
 * file: {@code quarry --config-class com.example.QuarrySettings migrate}. The class needs a public
 * no-argument constructor; it is loaded from the application's class path.
 *
 * <pre>{@code
 * public final class QuarrySettings implements SettingsProvider {
 *     public Settings settings() {
 *         return Settings.builder().url(System.getenv("DATABASE_URL")).models(App.MODELS)
 *                 .migrationsPackage("com.example.migrations").migrations(App.MIGRATIONS).build();
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SettingsProvider {
    /** The application's settings. */
    Settings settings();
}
