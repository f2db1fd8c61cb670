/** What the application costs the database, measured where it runs: statements sent per request. */
package dev.meridian.persistence.diagnostics;
