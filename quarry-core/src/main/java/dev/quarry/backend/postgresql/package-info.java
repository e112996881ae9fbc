/** The PostgreSQL backend. */
package dev.quarry.backend.postgresql;
