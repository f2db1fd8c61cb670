package dev.meridian.persistence.usage;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

/**
 * Drives the usage meter off the request thread: every {@code MERIDIAN_METERING_FLUSH_MILLIS} on the
 * container's managed scheduler (EJB timers would round intervals up to a second), when a batch is full, and
 * once more when the application stops, so a clean stop loses no request. The same tick re-reads the quotas
 * that are due. A singleton that depends on start-up, so it stops before the data source goes.
 */
@Startup
@Singleton
@DependsOn("ApplicationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageFlusher {

    private static final Logger LOG = Logger.getLogger(UsageFlusher.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    UsageMeter meter;

    @Inject
    Quotas quotas;

    private ScheduledFuture<?> ticks;

    @PostConstruct
    void start() {
        var every = meter.settings().flushInterval().toMillis();
        ticks = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        LOG.info("MERIDIAN-METERING " + (meter.enabled() ? "on" : "off") + ": flush every " + every + " ms or "
                + meter.settings().batchSize() + " requests");
    }

    /** Writes the queue now, on a container thread; the caller goes on at once. */
    @Asynchronous
    public void flushSoon() {
        meter.flush();
    }

    @PreDestroy
    void stop() {
        ticks.cancel(false);
        int written = meter.flushAll();
        LOG.info("MERIDIAN-METERING stopped: " + written + " requests written at shutdown");
    }

    private void tick() {
        // a failure must not end the schedule: a scheduled task that throws never runs again
        try {
            meter.flush();
            quotas.refreshDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MERIDIAN-METERING flush failed; next tick retries", e);
        }
    }
}
