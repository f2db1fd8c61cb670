package dev.meridian.domain.places;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.tenancy.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * How much a user cares for a category, 0 to 1 in hundredths, weighing recommendations; one per user and
 * category, private to the user.
 */
@Entity
@Table(name = "preference")
public class Preference extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id", nullable = false, updatable = false)
    private Category category;

    @Column(name = "weight", nullable = false)
    private BigDecimal weight;

    protected Preference() {
    }

    public Preference(User user, Category category, BigDecimal weight) {
        this.user = Objects.requireNonNull(user, "user");
        this.organizationId = user.getOrganizationId();
        this.category = Objects.requireNonNull(category, "category");
        reweigh(weight);
    }

    public void reweigh(BigDecimal weight) {
        Objects.requireNonNull(weight, "weight");
        if (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("weight must be between 0 and 1");
        }
        this.weight = weight.setScale(2, RoundingMode.HALF_UP);
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public User getUser() {
        return user;
    }

    public Category getCategory() {
        return category;
    }

    public BigDecimal getWeight() {
        return weight;
    }
}
