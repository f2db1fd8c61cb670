/**
 * The caller's notification queue over REST: {@link dev.meridian.web.notifications.NotificationsResource} at
 * {@code /api/v1/me/notifications}.
 */
package dev.meridian.web.notifications;
