/**
 * The figures of the portal's landing page, read in the caller's reach (a platform admin's across tenants, an
 * organization admin's for their own tenant): {@link dev.meridian.persistence.dashboard.DashboardFigures} is
 * the entry point, {@link dev.meridian.persistence.dashboard.Dashboard} what it answers.
 */
package dev.meridian.persistence.dashboard;
