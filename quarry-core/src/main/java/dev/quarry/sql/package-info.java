/**
 * Compilers from query trees and metadata to SQL text and parameters. Sees databases only through
 * the {@code spi} interfaces. Imports query, model, spi.
 */
package dev.quarry.sql;
