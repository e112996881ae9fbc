/** JUnit 5 support for Quarry: the backend matrix, a database per test class, a rolled-back transaction per test, query counting. */
package dev.quarry.test;
