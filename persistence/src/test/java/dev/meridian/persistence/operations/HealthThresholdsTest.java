package dev.meridian.persistence.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.meridian.domain.operations.HealthStatus;
import dev.meridian.domain.operations.ResponseTimes;
import dev.meridian.persistence.operations.SnapshotHealth.HealthThresholds;

class HealthThresholdsTest {

    private static final long GIB = 1L << 30;

    @Test
    void plentyOfHeapDiskAndFastRequestsIsUp() {
        assertEquals(HealthStatus.UP, HealthThresholds.status(100, 1000, 10 * GIB, new ResponseTimes(5, 50, 90)));
        assertEquals(HealthStatus.UP, HealthThresholds.status(100, 1000, 10 * GIB, null));
    }

    @Test
    void aFullishHeapLittleDiskOrSlowRequestsDegrade() {
        assertEquals(HealthStatus.DEGRADED, HealthThresholds.status(900, 1000, 10 * GIB, null));
        assertEquals(HealthStatus.DEGRADED, HealthThresholds.status(100, 1000, GIB / 2, null));
        assertEquals(HealthStatus.DEGRADED,
                HealthThresholds.status(100, 1000, 10 * GIB, new ResponseTimes(100, 2500, 4000)));
    }

    @Test
    void anAllButFullHeapOrDiskIsDown() {
        assertEquals(HealthStatus.DOWN, HealthThresholds.status(990, 1000, 10 * GIB, null));
        assertEquals(HealthStatus.DOWN, HealthThresholds.status(100, 1000, 10L << 20, null));
    }
}
