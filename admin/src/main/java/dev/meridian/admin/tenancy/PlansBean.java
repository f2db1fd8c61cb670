package dev.meridian.admin.tenancy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.persistence.tenancy.PlanRow;
import dev.meridian.persistence.tenancy.PlanService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The plans and prices page, for platform admins: every plan with its limits, price and organizations, and
 * one form that creates a plan or revises one (a plan's code, once given, stays).
 */
@Named
@ViewScoped
public class PlansBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanService plans;

    private LazyDataModel<PlanRow> rows;

    /** The plan being revised; none while creating one. */
    private UUID id;

    @NotBlank(message = "Give the plan a code")
    @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,39}",
            message = "A code is 1 to 40 lower-case letters, digits or hyphens, starting with a letter or digit")
    private String code;

    @NotBlank(message = "Give the plan a name")
    @Size(max = 100, message = "A name is at most 100 characters")
    private String name;

    @NotNull(message = "Give the requests per minute")
    @Positive(message = "Requests per minute must be a positive number")
    private Integer requestsPerMinute;

    @NotNull(message = "Give the monthly quota")
    @Positive(message = "The monthly quota must be a positive number of requests")
    private Long monthlyRequestQuota;

    @NotNull(message = "Give the price per 1,000 calls (0 for free)")
    @DecimalMin(value = "0", message = "A price cannot be negative")
    @Digits(integer = 8, fraction = 4, message = "A price has at most 8 digits and 4 decimals")
    private BigDecimal pricePerThousandCalls;

    @PostConstruct
    void init() {
        rows = new ServerPagedModel<>((first, size, sortBy, ascending) -> plans.page(first, size, sortBy, ascending),
                () -> plans.count(), PlanRow::id, "code", true);
    }

    public void startNew() {
        id = null;
        code = name = null;
        requestsPerMinute = null;
        monthlyRequestQuota = null;
        pricePerThousandCalls = null;
    }

    public void edit(PlanRow plan) {
        id = plan.id();
        code = plan.code();
        name = plan.name();
        requestsPerMinute = plan.requestsPerMinute();
        monthlyRequestQuota = plan.monthlyRequestQuota();
        pricePerThousandCalls = plan.pricePerThousandCalls();
    }

    public void save() {
        if (id == null) {
            Feedback.attemptInDialog(() -> plans.create(code, name, monthlyRequestQuota, requestsPerMinute,
                    pricePerThousandCalls), "Plan " + code + " created");
        } else {
            Feedback.attemptInDialog(() -> plans.revise(id, name, monthlyRequestQuota, requestsPerMinute,
                    pricePerThousandCalls), "Plan " + code + " saved");
        }
    }

    public boolean isCreating() {
        return id == null;
    }

    public LazyDataModel<PlanRow> getRows() {
        return rows;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Long getMonthlyRequestQuota() {
        return monthlyRequestQuota;
    }

    public void setMonthlyRequestQuota(Long monthlyRequestQuota) {
        this.monthlyRequestQuota = monthlyRequestQuota;
    }

    public BigDecimal getPricePerThousandCalls() {
        return pricePerThousandCalls;
    }

    public void setPricePerThousandCalls(BigDecimal pricePerThousandCalls) {
        this.pricePerThousandCalls = pricePerThousandCalls;
    }
}
