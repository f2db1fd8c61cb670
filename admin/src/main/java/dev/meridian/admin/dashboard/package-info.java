/**
 * The portal's landing page: today's activity, the database and platform health, and charts of the daily
 * metrics, all from {@link dev.meridian.persistence.dashboard.DashboardFigures} in the caller's reach
 * ({@link dev.meridian.admin.dashboard.DashboardBean}).
 */
package dev.meridian.admin.dashboard;
