/**
 * Meridian's schema as Flyway SQL migrations (roles, tables, row-level security) with their undo scripts, and
 * {@link dev.meridian.migrations.Migrations}, the one way the application, the tests and operators migrate it
 * and roll it back; {@link dev.meridian.migrations.MigrationCommand} is the operators' command line.
 */
package dev.meridian.migrations;
