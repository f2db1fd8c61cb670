package dev.meridian.domain.tenancy;

import java.math.BigDecimal;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** What an organization pays for: its monthly request quota, its rate limit and the price of 1,000 calls. */
@Entity
@Table(name = "plan")
public class Plan extends BaseEntity {

    /** The plan every new organization starts on, seeded by the migrations. */
    public static final String DEFAULT_CODE = "free";

    @Column(name = "code", nullable = false, updatable = false)
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "monthly_request_quota", nullable = false)
    private long monthlyRequestQuota;

    @Column(name = "requests_per_minute", nullable = false)
    private int requestsPerMinute;

    @Column(name = "price_per_thousand_calls", nullable = false)
    private BigDecimal pricePerThousandCalls;

    protected Plan() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public long getMonthlyRequestQuota() {
        return monthlyRequestQuota;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public BigDecimal getPricePerThousandCalls() {
        return pricePerThousandCalls;
    }
}
