package dev.meridian.persistence.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void eachRetryWaitsTwiceAsLongAsTheOneBeforeUntilTheLastAttempt() {
        var policy = new RetryPolicy(4, Duration.ofSeconds(60));

        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.delayAfter(1));
        assertEquals(Optional.of(Duration.ofSeconds(120)), policy.delayAfter(2));
        assertEquals(Optional.of(Duration.ofSeconds(240)), policy.delayAfter(3));
        assertEquals(Optional.empty(), policy.delayAfter(4));
    }

    @Test
    void aRetryIsNeverPutOffBeyondTheLongestDelay() {
        assertEquals(Optional.of(RetryPolicy.LONGEST_DELAY),
                new RetryPolicy(100, Duration.ofHours(1)).delayAfter(40));
    }

    @Test
    void oneAttemptMeansNoRetryAndZeroAttemptsAreRefused() {
        assertEquals(Optional.empty(), new RetryPolicy(1, Duration.ofSeconds(1)).delayAfter(1));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO));
    }
}
