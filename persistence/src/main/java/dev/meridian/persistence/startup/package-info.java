/**
 * Start-up of the application: the data source, schema migrations with the owner's credentials, and the first
 * platform admin. {@link dev.meridian.persistence.startup.ApplicationStartup} is the entry point.
 */
package dev.meridian.persistence.startup;
