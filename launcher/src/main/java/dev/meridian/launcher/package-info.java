/**
 * Runs Meridian on a developer's machine with one command: an embedded PostgreSQL, a Payara Server domain and
 * the EAR. {@link dev.meridian.launcher.Main} is the command; {@link dev.meridian.launcher.MeridianRuntime}
 * is the same start and stop for the end-to-end test.
 */
package dev.meridian.launcher;
