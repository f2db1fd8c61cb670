package dev.meridian.persistence.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.meridian.persistence.context.ActingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * The usage log's front: requests are queued in memory on the request thread (no database work there) and
 * written in batches by {@link #flush()}, which {@link UsageFlusher} calls off the request thread every flush
 * interval, as soon as a batch is full, and once more at shutdown. The queue is bounded: when the database
 * cannot keep up, requests beyond its capacity are dropped and counted in the log rather than slow the API or
 * exhaust the heap. A batch that fails is retried at the next flush, up to three attempts.
 */
@ApplicationScoped
public class UsageMeter {

    private static final Logger LOG = Logger.getLogger(UsageMeter.class.getName());
    private static final int ATTEMPTS = 3;

    @Inject
    UsageRepository usage;

    @Inject
    ActingContext context;

    @Inject
    UsageFlusher flusher;

    private MeteringSettings settings;
    private BlockingQueue<UsageRecord> queue;
    private final AtomicBoolean batchRequested = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    // one writer at a time; the failed batch and its attempts are the writer's alone
    private final ReentrantLock writing = new ReentrantLock();
    private List<UsageRecord> failed = List.of();
    private int attempts;

    @PostConstruct
    void configure() {
        settings = MeteringSettings.fromConfig();
        queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    MeteringSettings settings() {
        return settings;
    }

    /** Whether requests are metered ({@code MERIDIAN_METERING_ENABLED}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Queues a request for the usage log; never blocks and never touches the database. */
    public void record(UsageRecord request) {
        if (!queue.offer(request)) {
            long lost = dropped.incrementAndGet();
            // 1, 2, 4, 8, ...: visible without flooding the log
            if (Long.bitCount(lost) == 1) {
                LOG.warning("MERIDIAN-METERING queue full (" + settings.queueCapacity() + "): " + lost
                        + " requests dropped so far");
            }
        } else if (queue.size() >= settings.batchSize() && batchRequested.compareAndSet(false, true)) {
            flusher.flushSoon();
        }
    }

    /**
     * Writes what is queued, batch by batch, as the system in platform scope; a flush that finds another one
     * writing leaves the queue to it.
     *
     * @return the requests written
     */
    @ActivateRequestContext
    public int flush() {
        if (!writing.tryLock()) {
            return 0;
        }
        try {
            return drain();
        } finally {
            writing.unlock();
        }
    }

    /** Writes everything queued, waiting for a flush under way: for shutdown, so a clean stop loses nothing. */
    @ActivateRequestContext
    public int flushAll() {
        writing.lock();
        try {
            int written = 0;
            while (!queue.isEmpty() || !failed.isEmpty()) {
                written += drain();
            }
            return written;
        } finally {
            writing.unlock();
        }
    }

    private int drain() {
        batchRequested.set(false);
        int written = 0;
        while (true) {
            List<UsageRecord> batch = failed;
            if (batch.isEmpty()) {
                batch = new ArrayList<>(settings.batchSize());
                if (queue.drainTo(batch, settings.batchSize()) == 0) {
                    return written;
                }
                attempts = 0;
            }
            try {
                var rows = batch;
                written += context.asSystem(() -> usage.append(rows));
                failed = List.of();
            } catch (RuntimeException e) {
                if (++attempts < ATTEMPTS) {
                    LOG.log(Level.WARNING, "MERIDIAN-METERING could not write " + batch.size()
                            + " requests; retrying at the next flush", e);
                    failed = batch;
                } else {
                    LOG.log(Level.SEVERE, "MERIDIAN-METERING could not write " + batch.size() + " requests after "
                            + ATTEMPTS + " attempts; they are lost", e);
                    failed = List.of();
                }
                // the database is likely gone: the next flush tries again
                return written;
            }
        }
    }
}
