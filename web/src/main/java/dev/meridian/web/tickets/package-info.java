/**
 * Support tickets over REST: {@link dev.meridian.web.tickets.TicketsResource} at {@code /api/v1/tickets}.
 */
package dev.meridian.web.tickets;
