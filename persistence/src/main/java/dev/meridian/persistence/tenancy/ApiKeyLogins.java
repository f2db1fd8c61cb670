package dev.meridian.persistence.tenancy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.meridian.domain.tenancy.ApiKeyToken;
import dev.meridian.persistence.audit.SecurityEvents;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.settings.CacheLifetime;
import dev.meridian.persistence.tenancy.CredentialRepository.KeyLogin;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * API keys that authenticated on this instance in the last {@code MERIDIAN_API_KEY_CACHE_SECONDS}, so that a
 * busy client's requests do not each pay a transaction before their own work. Entries are held by the key's
 * prefix and secret hash, never the secret. Any committed change to a key, user or organization on this
 * instance ({@link CredentialChanges}) forgets them all, so a revocation or deactivation here holds at once;
 * one made on another instance holds here within the cache's lifetime.
 */
@ApplicationScoped
public class ApiKeyLogins {

    private static final int MAX_ENTRIES = 10_000;
    private static final String FORGET_REGISTERED = ApiKeyLogins.class.getName() + ".forget";

    private record Remembered(KeyLogin login, long atNanos) {
    }

    @Inject
    Authenticator authenticator;

    @Inject
    ActingContext context;

    @Inject
    SecurityEvents events;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    // moves on every change, so a lookup that raced with a change does not remember what it read
    private final AtomicLong generation = new AtomicLong();
    private long lifetimeNanos;

    @PostConstruct
    void configure() {
        lifetimeNanos = CacheLifetime.of("MERIDIAN_API_KEY_CACHE_SECONDS", 30).toNanos();
    }

    /** The holder of the presented key, who from now on acts in this request; fails like any bad credential. */
    public KeyLogin authenticate(String presented) {
        var token = ApiKeyToken.parse(presented).orElseThrow(() -> {
            events.keyRejected(null);
            return Authenticator.failure();
        });
        var handle = token.prefix() + ':' + token.hash();
        var now = System.nanoTime();
        var known = remembered.get(handle);
        if (known != null && now - known.atNanos() < lifetimeNanos) {
            context.authenticated(known.login().caller());
            return known.login();
        }
        var seen = generation.get();
        var login = authenticator.byApiKey(token);
        if (lifetimeNanos > 0 && generation.get() == seen) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(handle, new Remembered(login, now));
        }
        return login;
    }

    /** Forgets every key when the current transaction ends, and stops lookups racing with it from remembering. */
    void forgetAfterTransaction() {
        generation.incrementAndGet();
        if (transactions.getTransactionKey() == null) {
            forget();
        } else if (transactions.getResource(FORGET_REGISTERED) == null) {
            transactions.putResource(FORGET_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        remembered.clear();
    }
}
