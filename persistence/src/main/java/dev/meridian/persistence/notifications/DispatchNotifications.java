package dev.meridian.persistence.notifications;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.meridian.domain.notifications.Channel;
import dev.meridian.domain.notifications.Notification;
import dev.meridian.domain.notifications.NotificationLog;
import dev.meridian.persistence.operations.Job;
import jakarta.persistence.EntityManager;

/**
 * The {@code dispatch-notifications} job, in two steps per run, each a bounded batch:
 * <ol>
 * <li><b>Fan-out.</b> The oldest pending change events become one notification per follower and are marked
 * processed, in one statement. A user follows a location and everything under it: an event at a locality
 * notifies the followers of the locality, its county and its state. A place's event reaches followers in the
 * place's organization; an event about a shared location reaches followers in every organization. Inactive
 * users and organizations are left out; a user is notified of an event once.</li>
 * <li><b>Delivery.</b> Notifications that are due go out through the channels of the user's organization: its
 * webhook, and e-mail when the organization has it on. Every attempt on every channel is a
 * {@code notification_log} row. A channel that delivered is not tried again. While a channel failed in a way
 * worth retrying (an HTTP error, a timeout, an SMTP server that refuses) and attempts remain, the
 * notification is due again after an exponential backoff, and the channels not yet delivered are tried again.
 * Otherwise it is settled: sent when every channel delivered, failed when one did not (a channel that fails
 * for good, such as e-mail with no SMTP server, fails it once nothing else is worth retrying). An
 * organization without channels has its notifications only in the users' queues: they are sent at once.</li>
 * </ol>
 * Runs in platform scope (the job runner acts as the system) in the job's one transaction, so a run that
 * fails leaves no trace but its failed {@code job_run}, and is repeated: receivers dedupe on the
 * {@code Meridian-Delivery} header.
 */
public final class DispatchNotifications implements Job {

    public static final String NAME = "dispatch-notifications";

    private static final String FAN_OUT = """
            WITH RECURSIVE batch AS (
              SELECT id, organization_id, location_id FROM change_event
              WHERE processed_at IS NULL
              ORDER BY created_at, id
              LIMIT ?1
              FOR UPDATE),
            reach (event_id, organization_id, location_id) AS (
              SELECT id, organization_id, location_id FROM batch
              UNION
              SELECT reach.event_id, reach.organization_id, location.parent_id
              FROM reach JOIN location ON location.id = reach.location_id
              WHERE location.parent_id IS NOT NULL),
            followers AS (
              SELECT DISTINCT follow.organization_id, follow.user_id, reach.event_id
              FROM reach
              JOIN location_follow follow ON follow.location_id = reach.location_id
                AND (reach.organization_id IS NULL OR follow.organization_id = reach.organization_id)
              JOIN app_user ON app_user.id = follow.user_id AND app_user.active
              JOIN organization ON organization.id = follow.organization_id AND organization.active),
            notified AS (
              INSERT INTO notification (id, organization_id, user_id, change_event_id)
              SELECT gen_random_uuid(), organization_id, user_id, event_id FROM followers
              ON CONFLICT (user_id, change_event_id) DO NOTHING
              RETURNING 1),
            processed AS (
              UPDATE change_event SET processed_at = now(), updated_at = now(), version = change_event.version + 1
              FROM batch WHERE change_event.id = batch.id
              RETURNING 1)
            SELECT (SELECT count(*) FROM processed), (SELECT count(*) FROM notified)""";

    private static final String DUE = """
            SELECT id FROM notification
            WHERE status = 'pending' AND next_attempt_at <= now()
            ORDER BY next_attempt_at, id
            LIMIT ?1""";

    private static final String DELIVERED_CHANNELS = """
            SELECT channel FROM notification_log WHERE notification_id = ?1 AND status = 'sent'""";

    private final Supplier<NotificationSettings> settings;
    private final Clock clock;

    /** Reads its settings from MicroProfile Config at every run, so a changed setting needs no restart. */
    public DispatchNotifications() {
        this(NotificationSettings::fromConfig, Clock.systemUTC());
    }

    DispatchNotifications(Supplier<NotificationSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Answers the rows it wrote: events processed, notifications created and delivery attempts logged. */
    @Override
    public long run(EntityManager entityManager) {
        var current = settings.get();
        return fanOut(entityManager, current) + deliver(entityManager, current);
    }

    private static long fanOut(EntityManager entityManager, NotificationSettings settings) {
        var counts = (Object[]) entityManager.createNativeQuery(FAN_OUT)
                .setParameter(1, settings.batchSize())
                .getSingleResult();
        return ((Number) counts[0]).longValue() + ((Number) counts[1]).longValue();
    }

    private long deliver(EntityManager entityManager, NotificationSettings settings) {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery(DUE)
                .setParameter(1, settings.batchSize())
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        var webhook = new WebhookChannel(settings, clock);
        var email = settings.smtp().map(EmailChannel::new);
        long logged = 0;
        for (var id : due) {
            var notification = entityManager.find(Notification.class, id);
            var organization = notification.getUser().getOrganization();
            var channels = EnumSet.noneOf(Channel.class);
            organization.getWebhook().ifPresent(hook -> channels.add(Channel.WEBHOOK));
            if (organization.isEmailNotifications()) {
                channels.add(Channel.EMAIL);
            }
            channels.removeAll(delivered(entityManager, id));
            if (channels.isEmpty()) {
                notification.sent();
                continue;
            }
            notification.attempt();
            var notice = Notice.of(notification);
            boolean retry = false;
            boolean failed = false;
            for (var channel : channels) {
                var log = new NotificationLog(notification, channel, clock.instant());
                var outcome = switch (channel) {
                    case WEBHOOK -> webhook.deliver(organization.getWebhook().orElseThrow(), notice);
                    case EMAIL -> email.map(smtp -> smtp.deliver(notice)).orElseGet(EmailChannel::off);
                };
                if (outcome.delivered()) {
                    log.succeeded(clock.instant(), outcome.providerId(), BigDecimal.ZERO);
                } else {
                    log.failed(clock.instant(), outcome.error());
                    failed = true;
                    retry |= outcome.retryable();
                }
                entityManager.persist(log);
                logged++;
            }
            if (retry && notification.getAttempts() < settings.maxAttempts()) {
                notification.retryAt(clock.instant().plus(settings.backoffAfter(notification.getAttempts())));
            } else if (failed) {
                notification.failed();
            } else {
                notification.sent();
            }
        }
        return logged;
    }

    private static Set<Channel> delivered(EntityManager entityManager, UUID notification) {
        @SuppressWarnings("unchecked")
        List<String> codes = entityManager.createNativeQuery(DELIVERED_CHANNELS)
                .setParameter(1, notification)
                .getResultList();
        return codes.stream().map(Channel::fromCode).collect(Collectors.toSet());
    }
}
