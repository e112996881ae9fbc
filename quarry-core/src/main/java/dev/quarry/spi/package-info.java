/**
 * The backend contract: what a database must tell Quarry (features, limits, quoting, types, DDL)
 * and how it renders the few SQL forms that differ between databases. Backends register through
 * {@code META-INF/services/dev.quarry.spi.Backend}. Imports only the JDK.
 */
package dev.quarry.spi;
