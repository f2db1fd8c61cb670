package dev.meridian.domain.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Plan;
import dev.meridian.domain.tenancy.Role;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.domain.tenancy.User;
import dev.meridian.domain.tenancy.Username;

class SupportTicketTest {

    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

    private final Organization acme = organization("acme");
    private final User alice = new User(acme, new Username("alice"), "hash", "Alice", Role.ADMIN);
    private final User support = User.platformAdmin(organization("platform"), new Username("root"), "hash");
    private final SupportTicket ticket = new SupportTicket(alice, "  Import fails  ", "The CSV import stops at row 3");

    private static Organization organization(String slug) {
        return new Organization(new Slug(slug), slug, new Plan() {
        });
    }

    @Test
    void aNewTicketIsOpenWithItsFirstMessageInTheAuthorsOrganization() {
        assertEquals(TicketStatus.OPEN, ticket.getStatus());
        assertEquals("Import fails", ticket.getSubject());
        assertEquals(acme.getId(), ticket.getOrganizationId());
        var first = ticket.getMessages().get(0);
        assertEquals(alice, first.getAuthor().orElseThrow());
        assertEquals(acme.getId(), first.getOrganizationId());
        assertFalse(first.isFromSupport());
    }

    @Test
    void repliesPassTheTurnBetweenSupportAndTheTenant() {
        var answer = ticket.reply(support, "Which file?");
        assertTrue(answer.isFromSupport());
        assertEquals(support.getId(), answer.getSupportUserId().orElseThrow());
        assertEquals(acme.getId(), answer.getOrganizationId(), "a support message belongs to the ticket's tenant");
        assertEquals(TicketStatus.PENDING, ticket.getStatus());
        ticket.reply(alice, "places.csv");
        assertEquals(TicketStatus.OPEN, ticket.getStatus());
        assertEquals(List.of("The CSV import stops at row 3", "Which file?", "places.csv"),
                ticket.getMessages().stream().map(TicketMessage::getBody).toList());
    }

    @Test
    void aStrangerCannotWriteOnTheTicket() {
        var bob = new User(organization("globex"), new Username("bob"), "hash", "Bob", Role.ADMIN);
        assertThrows(IllegalArgumentException.class, () -> ticket.reply(bob, "hello"));
        assertEquals(1, ticket.getMessages().size());
    }

    @Test
    void aClosedTicketTakesNoMessagesUntilReopened() {
        ticket.close(NOON);
        ticket.close(NOON.plusSeconds(60));
        assertEquals(TicketStatus.CLOSED, ticket.getStatus());
        assertEquals(NOON, ticket.getClosedAt().orElseThrow(), "closing twice keeps the first time");
        assertThrows(IllegalStateException.class, () -> ticket.reply(alice, "still broken"));
        ticket.reopen();
        assertTrue(ticket.getClosedAt().isEmpty());
        ticket.reply(alice, "still broken");
        assertEquals(TicketStatus.OPEN, ticket.getStatus());
    }

    @Test
    void messagesAndSubjectsHaveLimits() {
        assertThrows(IllegalArgumentException.class, () -> ticket.reply(alice, "  "));
        assertThrows(IllegalArgumentException.class, () -> ticket.reply(alice, "x".repeat(10_001)));
        assertThrows(IllegalArgumentException.class, () -> new SupportTicket(alice, "x".repeat(201), "body"));
        assertThrows(UnsupportedOperationException.class, () -> ticket.getMessages().clear());
    }
}
