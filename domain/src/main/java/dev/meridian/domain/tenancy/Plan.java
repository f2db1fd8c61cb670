package dev.meridian.domain.tenancy;

import java.math.BigDecimal;
import java.util.regex.Pattern;

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

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** What numeric(12, 4) holds: below 10^8, to the ten-thousandth. */
    private static final BigDecimal PRICE_LIMIT = new BigDecimal("100000000");

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

    public Plan(String code, String name, long monthlyRequestQuota, int requestsPerMinute,
            BigDecimal pricePerThousandCalls) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "code must be 1 to 40 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
        this.code = code;
        revise(name, monthlyRequestQuota, requestsPerMinute, pricePerThousandCalls);
    }

    /** New terms: organizations on the plan are metered and billed by them from now on. */
    public void revise(String name, long monthlyRequestQuota, int requestsPerMinute,
            BigDecimal pricePerThousandCalls) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        if (monthlyRequestQuota <= 0) {
            throw new IllegalArgumentException("monthly quota must be a positive number of requests");
        }
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requests per minute must be a positive number");
        }
        if (pricePerThousandCalls == null || pricePerThousandCalls.signum() < 0
                || pricePerThousandCalls.compareTo(PRICE_LIMIT) >= 0
                || pricePerThousandCalls.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException(
                    "price per 1,000 calls must be 0 or more, below 100,000,000, with at most 4 decimals");
        }
        this.name = name.strip();
        this.monthlyRequestQuota = monthlyRequestQuota;
        this.requestsPerMinute = requestsPerMinute;
        this.pricePerThousandCalls = pricePerThousandCalls;
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
