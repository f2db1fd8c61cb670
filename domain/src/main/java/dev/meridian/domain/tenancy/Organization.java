package dev.meridian.domain.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A tenant: everything it owns carries its id, and row-level security keeps it to itself. */
@Entity
@Table(name = "organization")
public class Organization extends BaseEntity {

    @Column(name = "slug", nullable = false, updatable = false)
    private String slug;

    @NotBlank(message = "name is required")
    @Size(max = 200, message = "name is at most 200 characters")
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "language", nullable = false)
    private String language = "en";

    @Column(name = "public", nullable = false)
    private boolean publiclyListed;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    private Plan plan;

    /**
     * Where the organization's notifications are posted, signed with {@link #webhookSecret}; none, no webhook.
     */
    @Column(name = "webhook_url")
    private String webhookUrl;

    @Column(name = "webhook_secret")
    private String webhookSecret;

    /** Whether its users' notifications are also e-mailed to them. */
    @Column(name = "email_notifications", nullable = false)
    private boolean emailNotifications;

    protected Organization() {
    }

    public Organization(Slug slug, String name, Plan plan) {
        this.slug = Objects.requireNonNull(slug, "slug").value();
        this.name = requireName(name);
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        return name.strip();
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireName(name);
    }

    public String getLanguage() {
        return language;
    }

    public boolean isPubliclyListed() {
        return publiclyListed;
    }

    public boolean isActive() {
        return active;
    }

    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }

    public Plan getPlan() {
        return plan;
    }

    public void changePlan(Plan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * The webhook notifications are posted to, with the secret that signs them; the database keeps both or
     * neither.
     */
    public Optional<Webhook> getWebhook() {
        return webhookUrl == null ? Optional.empty() : Optional.of(new Webhook(webhookUrl, webhookSecret));
    }

    /** Posts its notifications to that webhook from now on; none, to no webhook. */
    public void setWebhook(Webhook webhook) {
        webhookUrl = webhook == null ? null : webhook.url();
        webhookSecret = webhook == null ? null : webhook.secret();
    }

    public boolean isEmailNotifications() {
        return emailNotifications;
    }

    public void setEmailNotifications(boolean emailNotifications) {
        this.emailNotifications = emailNotifications;
    }

    /**
     * An organization's notification endpoint and the shared secret that signs what is posted to it, as the
     * database accepts them: an http or https URL without spaces, of at most 2000 characters, and a secret of 16
     * to 200.
     */
    public record Webhook(String url, String secret) {

        private static final Pattern URL = Pattern.compile("https?://\\S+");

        public Webhook {
            checkedUrl(url);
            checkedSecret(secret);
        }

        public static String checkedUrl(String url) {
            Objects.requireNonNull(url, "url");
            if (!URL.matcher(url).matches() || url.length() > 2000) {
                throw new IllegalArgumentException("a webhook URL is an http or https URL of at most 2000 characters");
            }
            return url;
        }

        public static String checkedSecret(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length() < 16 || secret.length() > 200) {
                throw new IllegalArgumentException("a webhook secret is 16 to 200 characters");
            }
            return secret;
        }

        @Override
        public String toString() {
            return "Webhook[" + url + "]";
        }
    }
}
