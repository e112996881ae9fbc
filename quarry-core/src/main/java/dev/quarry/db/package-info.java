/**
 * Connections, transactions (savepoints when nested), statement execution and the query log.
 * Knows nothing of models: imports sql (for compiled statements), spi and the API's listener types.
 */
package dev.quarry.db;
