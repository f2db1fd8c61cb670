package dev.meridian.persistence.operations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.persistence.EntityManager;

/**
 * A job's cluster-wide lease: PostgreSQL's transaction-level advisory lock on a key derived from the job's
 * name. Every instance fires the same schedule; the one whose transaction takes the lock runs the job, the
 * others find it taken and do nothing. The lock ends with the transaction (commit, rollback or a dropped
 * connection), so a crashed instance never leaves a job locked.
 */
public final class JobLease {

    private JobLease() {
    }

    /**
     * The lock key for a job: the first eight bytes of SHA-256 over {@code meridian.job:<name>}. Stable across
     * instances, JVMs and PostgreSQL versions (unlike {@code hashtext}), and namespaced so it will not collide
     * with other advisory-lock users by accident.
     */
    public static long key(String job) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(("meridian.job:" + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Tries to take the lease for the rest of the current transaction, without waiting. */
    static boolean tryTake(EntityManager entityManager, String job) {
        return Boolean.TRUE.equals(entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, key(job))
                .getSingleResult());
    }
}
