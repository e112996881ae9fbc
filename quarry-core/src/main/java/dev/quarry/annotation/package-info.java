/**
 * Field and model annotations: how a Java class declares its columns and relations.
 * A leaf package: it imports nothing of Quarry.
 */
package dev.quarry.annotation;
