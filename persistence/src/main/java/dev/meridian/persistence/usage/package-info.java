/**
 * Metering and quotas. {@link dev.meridian.persistence.usage.UsageMeter} takes one
 * {@link dev.meridian.persistence.usage.UsageRecord} per API request into a bounded in-memory queue, and
 * {@link dev.meridian.persistence.usage.UsageFlusher} writes them off the request thread in batches, and once
 * more on shutdown. {@link dev.meridian.persistence.usage.Quotas} admits or refuses a request against its
 * organization's plan from in-memory counters; {@link dev.meridian.persistence.usage.UsageService} answers an
 * organization's usage of the month.
 */
package dev.meridian.persistence.usage;
