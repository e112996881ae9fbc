/**
 * The {@code quarry} command (picocli): {@code makemigrations}, {@code migrate}, {@code sqlmigrate},
 * {@code showmigrations}, {@code squashmigrations}, {@code flywayscripts}, {@code check}, {@code dbshell}, {@code inspectdb},
 * {@code dumpdata}, {@code loaddata} and {@code graph}, configured by a properties file or the
 * application's {@link dev.quarry.cli.SettingsProvider}. Drives {@code dev.quarry.migrations} and the
 * migrations writer; holds no migration logic of its own. Entry point: {@link dev.quarry.cli.QuarryCli}.
 */
package dev.quarry.cli;
