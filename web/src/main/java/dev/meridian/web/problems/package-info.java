/**
 * Every error the API answers is RFC 9457 {@code application/problem+json}:
 * {@link dev.meridian.web.problems.Problem} and the exception mappers that produce it. No stack trace or SQL
 * reaches a client.
 */
package dev.meridian.web.problems;
