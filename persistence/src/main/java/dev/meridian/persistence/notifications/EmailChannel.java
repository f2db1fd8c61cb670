package dev.meridian.persistence.notifications;

import java.util.Properties;

import dev.meridian.persistence.notifications.NotificationSettings.Smtp;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mails a notification to its user through the configured SMTP server (Jakarta Mail). The message's
 * {@code Message-ID} is the provider id. A server that refuses or does not answer is retried; no server
 * configured, or a user without an address, fails for good and says so.
 */
final class EmailChannel {

    static final String OFF = "e-mail channel is off: MERIDIAN_SMTP_HOST is not set";

    private final Smtp smtp;

    EmailChannel(Smtp smtp) {
        this.smtp = smtp;
    }

    /** The channel when there is no SMTP server: every attempt fails for good, saying why. */
    static Outcome off() {
        return Outcome.giveUp(OFF);
    }

    Outcome deliver(Notice notice) {
        if (notice.email().isEmpty()) {
            return Outcome.giveUp("user " + notice.username() + " has no e-mail address");
        }
        try {
            var message = new MimeMessage(session());
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(notice.email().get(), true));
            message.setSubject("Meridian: " + notice.kind().replace('_', ' ') + " in " + notice.locationName(),
                    "UTF-8");
            message.setText(text(notice), "UTF-8");
            message.setHeader("X-Meridian-Delivery", notice.notificationId().toString());
            message.saveChanges();
            if (smtp.user().isPresent()) {
                Transport.send(message, smtp.user().get(), smtp.password().orElse(""));
            } else {
                Transport.send(message);
            }
            return Outcome.delivered(message.getMessageID());
        } catch (AddressException e) {
            return Outcome.giveUp("bad address: " + e.getMessage());
        } catch (MessagingException e) {
            var cause = e.getNextException() == null ? "" : " (" + e.getNextException().getMessage() + ")";
            return Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage() + cause);
        }
    }

    private Session session() {
        var properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", smtp.host());
        properties.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(smtp.user().isPresent()));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        // asked for STARTTLS, never fall back to plain text
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        var millis = Long.toString(smtp.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        return Session.getInstance(properties);
    }

    private static String text(Notice notice) {
        return """
                Hello %s,

                %s %s changed (%s) in %s, a location you follow, at %s.

                Details: %s

                -- Meridian
                """.formatted(notice.fullName(), notice.subjectType(), notice.subjectId(),
                notice.kind().replace('_', ' '), notice.locationName(), notice.occurredAt(), notice.payloadJson());
    }
}
