/**
 * The API benchmark ({@code mvn -Pbenchmark -DskipTests package}): Meridian on Payara Server against a large
 * dataset, loaded over HTTP by concurrent clients, beside pgbench running the same SQL as the application
 * role on the same database; {@link dev.meridian.launcher.benchmark.Benchmark} prints the table.
 */
package dev.meridian.launcher.benchmark;
