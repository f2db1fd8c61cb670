/**
 * Notifications, from change event to the user and the organization's channels:
 * {@link dev.meridian.persistence.notifications.DispatchNotifications} is the scheduled job that fans events
 * out to followers and delivers through a signed webhook and SMTP e-mail with retries;
 * {@link dev.meridian.persistence.notifications.NotificationService} is the caller's own queue.
 */
package dev.meridian.persistence.notifications;
