/** Writes of instances: save, insert, bulk insert with generated keys. Imports db, sql, model, spi. */
package dev.quarry.persist;
