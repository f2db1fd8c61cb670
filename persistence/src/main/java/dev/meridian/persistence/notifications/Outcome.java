package dev.meridian.persistence.notifications;

/**
 * How one attempt on one channel ended: delivered (with the provider's id for it, if any), failed and worth
 * retrying, or failed for good (the channel is off, the user has no address).
 */
record Outcome(boolean delivered, boolean retryable, String providerId, String error) {

    static Outcome delivered(String providerId) {
        return new Outcome(true, false, providerId, null);
    }

    static Outcome retry(String error) {
        return new Outcome(false, true, null, error);
    }

    static Outcome giveUp(String error) {
        return new Outcome(false, false, null, error);
    }
}
