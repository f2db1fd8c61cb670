/**
 * REST resources for tenancy: organizations and their users (admins), API keys, and {@code /me}. Each
 * validates its request record, makes one service call and maps the result to a view.
 */
package dev.meridian.web.tenancy;
