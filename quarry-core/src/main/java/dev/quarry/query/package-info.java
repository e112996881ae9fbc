/**
 * The query tree: lookup-path resolution, join planning (reuse, INNER vs LEFT), exclude as NOT
 * EXISTS. Imports model, spi, internal and the API vocabulary; never sql, backend or db.
 */
package dev.quarry.query;
