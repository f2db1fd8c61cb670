/**
 * Platform operations pages: database diagnostics, migration status, read models, job runs, and support
 * tickets (which organization admins use too).
 */
package dev.meridian.admin.operations;
