/**
 * Telling users what changed: a {@link dev.meridian.domain.notifications.ChangeEvent} about a place or a
 * location fans out to a {@link dev.meridian.domain.notifications.Notification} for each follower, delivered
 * by webhook or e-mail and recorded in the {@link dev.meridian.domain.notifications.NotificationLog}.
 */
package dev.meridian.domain.notifications;
