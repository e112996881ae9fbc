/**
 * Spring Boot 3 auto-configuration for Quarry: a {@code Quarry} bean built from the application's
 * {@code DataSource} and {@code quarry.*} properties, its work joined to Spring-managed transactions,
 * a health indicator and Micrometer timers when those are on the class path.
 */
package dev.quarry.spring;
