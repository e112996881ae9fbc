/** The guide's four models, copied from {@code examples/library}; the starter finds them by this package. */
package dev.quarry.example.spring.model;
