/** The SQLite backend. */
package dev.quarry.backend.sqlite;
