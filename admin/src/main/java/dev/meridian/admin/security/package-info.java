/**
 * Sign-in to the portal: form login through Jakarta Security with
 * {@link dev.meridian.admin.security.PortalIdentityStore} (the same password hashes as the API), the
 * signed-in caller kept in {@link dev.meridian.admin.security.PortalSession}, and the filters that hand it to
 * each request and add security headers.
 */
package dev.meridian.admin.security;
