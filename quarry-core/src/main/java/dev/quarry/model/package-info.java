/**
 * Model metadata: fields, relations in both directions, reverse-name rules and the registry that
 * checks them. Imports {@code annotation}, {@code spi}, {@code internal} and the API vocabulary
 * ({@code Model}, {@code Ref}, {@code ManyToMany}, exceptions); never query, sql, backend or db.
 */
package dev.quarry.model;
