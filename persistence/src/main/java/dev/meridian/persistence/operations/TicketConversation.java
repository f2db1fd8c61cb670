package dev.meridian.persistence.operations;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A ticket with its messages, oldest first, for the portal to read and answer. */
public record TicketConversation(TicketRow ticket, List<Message> messages) implements Serializable {

    public TicketConversation {
        messages = List.copyOf(messages);
    }

    /** One message: from the tenant's user (by username) or from support. */
    public record Message(String author, boolean fromSupport, String body, Instant createdAt)
            implements
                Serializable {
    }
}
