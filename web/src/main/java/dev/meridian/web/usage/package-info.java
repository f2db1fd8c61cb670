/**
 * REST resources for metering: {@link dev.meridian.web.usage.UsageResource}, the caller's organization's
 * usage of the month against its plan.
 */
package dev.meridian.web.usage;
