/**
 * The Maven plugin ({@code mvn quarry:makemigrations}, {@code quarry:migrate}, {@code quarry:sqlmigrate},
 * {@code quarry:showmigrations}, {@code quarry:check}): each goal builds the {@code quarry} command's
 * arguments and runs it on the project's runtime class path; the commands themselves live in {@code dev.quarry.cli}.
 */
package dev.quarry.maven;
