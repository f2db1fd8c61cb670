/**
 * Metering and billing: {@link dev.meridian.domain.usage.UsageDaily} (one API key's day, rolled up from the
 * per-request usage log), {@link dev.meridian.domain.usage.DailyMetrics} (an organization's day) and the
 * {@link dev.meridian.domain.usage.MonthlyStatement} (calls of a month priced at the plan). The usage log
 * itself is not an entity: requests are appended in batches over plain JDBC and read only as rollups.
 */
package dev.meridian.domain.usage;
