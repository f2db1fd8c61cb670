package dev.meridian.domain.usage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An organization's bill for one month: its calls (from the daily rollup) priced per 1,000 at its plan.
 * Read-only: it is the database view {@code monthly_statement}, which runs with the caller's row-level
 * security, so a tenant reads only its own statements. Priced at the organization's current plan (plan
 * history is not kept).
 */
@Entity
@Table(name = "monthly_statement")
@IdClass(MonthlyStatement.Key.class)
public class MonthlyStatement {

    // EclipseLink wants the identity writable; nothing ever persists a statement
    @Id
    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;

    /** The first day of the month. */
    @Id
    @Column(name = "month", updatable = false)
    private LocalDate month;

    @Column(name = "calls", insertable = false, updatable = false)
    private Long calls;

    @Column(name = "plan_code", insertable = false, updatable = false)
    private String planCode;

    @Column(name = "price_per_thousand_calls", insertable = false, updatable = false)
    private BigDecimal pricePerThousandCalls;

    @Column(name = "amount", insertable = false, updatable = false)
    private BigDecimal amount;

    protected MonthlyStatement() {
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public LocalDate getMonth() {
        return month;
    }

    public long getCalls() {
        return calls;
    }

    public String getPlanCode() {
        return planCode;
    }

    public BigDecimal getPricePerThousandCalls() {
        return pricePerThousandCalls;
    }

    /** Calls / 1,000 × price, rounded to cents. */
    public BigDecimal getAmount() {
        return amount;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MonthlyStatement statement
                && Objects.equals(organizationId, statement.organizationId) && Objects.equals(month, statement.month);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organizationId, month);
    }

    /** A statement is one organization's month. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID organizationId;
        private LocalDate month;

        public Key() {
        }

        public Key(UUID organizationId, LocalDate month) {
            this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
            this.month = Objects.requireNonNull(month, "month").withDayOfMonth(1);
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Key key && Objects.equals(organizationId, key.organizationId)
                    && Objects.equals(month, key.month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, month);
        }
    }
}
