/**
 * The JSONField codec built on Jackson, registered with {@code ServiceLoader}: with this module on the class
 * path, JSON fields work. Imports Jackson and {@code dev.quarry.spi} only.
 */
package dev.quarry.jackson;
