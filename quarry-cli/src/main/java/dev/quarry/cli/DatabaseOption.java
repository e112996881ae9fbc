package dev.quarry.cli;

import picocli.CommandLine.Option;

/** The {@code --database NAME} option of the commands that read a database (a picocli mixin). */
final class DatabaseOption {
    @Option(names = "--database", paramLabel = "NAME", defaultValue = Settings.DEFAULT_DATABASE,
            description = "The database, by its name in the settings: \"${DEFAULT-VALUE}\" (quarry.url) unless another "
                    + "is named (quarry.databases.NAME.url).")
    String name;
}
