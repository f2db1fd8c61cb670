package dev.meridian.persistence.tenancy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** A plan as the plans list shows it, with how many organizations are on it. */
public record PlanRow(UUID id, String code, String name, int requestsPerMinute, long monthlyRequestQuota,
        BigDecimal pricePerThousandCalls, long organizations) implements Serializable {
}
