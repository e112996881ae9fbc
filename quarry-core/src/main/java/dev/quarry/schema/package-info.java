/** DDL from metadata: tables, M2M through tables, constraints and indexes, in dependency order. Imports model and spi. */
package dev.quarry.schema;
