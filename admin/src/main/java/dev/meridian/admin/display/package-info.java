/** How the portal shows values: {@link dev.meridian.admin.display.InstantFormat} for every point in time. */
package dev.meridian.admin.display;
