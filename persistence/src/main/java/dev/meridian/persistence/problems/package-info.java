/**
 * The failures a use case reports to its caller, each mapped once by the API to a problem+json status: not
 * found, access denied, conflict, failed authentication and invalid input.
 */
package dev.meridian.persistence.problems;
