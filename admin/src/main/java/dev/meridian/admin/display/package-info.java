/**
 * How the portal shows values and answers actions: {@link dev.meridian.admin.display.InstantFormat} for every
 * point in time, {@link dev.meridian.admin.display.ServerPagedModel} for every server-paged table and
 * {@link dev.meridian.admin.display.Feedback} for the messages after an action.
 */
package dev.meridian.admin.display;
