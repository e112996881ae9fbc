/** Deletion with on-delete rules, as Django's collector. Imports db, sql, model, spi. */
package dev.quarry.deletion;
