/** The MariaDB/MySQL backend. */
package dev.quarry.backend.mysql;
