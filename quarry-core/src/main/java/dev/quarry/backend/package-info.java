/** Base implementations of the backend SPI and the lookup of backends by JDBC URL. Imports spi. */
package dev.quarry.backend;
