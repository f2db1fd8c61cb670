/** What readiness asks of the database: is it reachable, and which schema version does it hold. */
package dev.meridian.persistence.health;
