/** One class per built-in lookup and the registry that names them. Rendering differences live in the backends' Operations. */
package dev.quarry.query.lookup;
