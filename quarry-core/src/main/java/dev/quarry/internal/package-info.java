/** Tiny helpers shared by every package: argument checks and naming rules. Imports only the JDK. */
package dev.quarry.internal;
