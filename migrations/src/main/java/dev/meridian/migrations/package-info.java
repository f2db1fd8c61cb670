/**
 * Meridian's schema as Flyway SQL migrations (roles, tables, row-level security) and
 * {@link dev.meridian.migrations.Migrations}, the one way the application, the tests and operators configure
 * Flyway for them.
 */
package dev.meridian.migrations;
