/**
 * Loading: rows into instances, select_related attachment, prefetch_related stitching and the
 * load context behind fetch modes. Imports db, sql, query, model, spi and the API vocabulary.
 */
package dev.quarry.load;
