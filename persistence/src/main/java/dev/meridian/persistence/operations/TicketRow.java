package dev.meridian.persistence.operations;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A support ticket as the tickets list shows it. */
public record TicketRow(UUID id, String organization, String subject, String author, String status,
        long messages, Instant updatedAt) implements Serializable {
}
