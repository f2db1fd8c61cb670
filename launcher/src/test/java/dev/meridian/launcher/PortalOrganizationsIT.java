package dev.meridian.launcher;

import static dev.meridian.launcher.ApiClient.basic;
import static dev.meridian.launcher.ApiClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's organizations and plans pages on the shared {@link RunningMeridian}, in headless Chromium: a
 * platform admin creates an organization (a bad or taken slug is refused in words), renames it and changes
 * its plan (the audit trail names the admin), deactivates it (its API keys stop working) and activates it
 * again, but cannot delete it while it is active or has a user; deletes an empty deactivated organization
 * (the audit trail names the admin); a platform admin creates and revises a plan; an organization admin sees
 * and renames only their own organization and reaches no plans.
 */
class PortalOrganizationsIT {

    private static final String ADMIN = RunningMeridian.ADMIN;
    private static final String ADMIN_PASSWORD = RunningMeridian.ADMIN_PASSWORD;
    /** Owner of the demo dataset's first organization. */
    private static final String OWNER_1 = "user1.1";
    private static final String ORGANIZATIONS = "[id$=':organizations']";
    private static final String ORGANIZATION_MESSAGES = "[id$='organizations-messages']";
    private static final String PLANS = "[id$=':plans']";
    private static final String PASSWORD = "correct horse battery";

    private static RunningMeridian meridian;
    private static ApiClient api;
    private static String adminKey;
    private static String tenant1;
    private static String tenant2;

    @BeforeAll
    static void startMeridian() throws Exception {
        meridian = RunningMeridian.get();
        api = meridian.api();
        adminKey = api.issueKey(basic(ADMIN, ADMIN_PASSWORD), "portal-organizations").getString("key");
        tenant1 = meridian.demoTenant(adminKey, 1);
        tenant2 = meridian.demoTenant(adminKey, 2);
    }

    @Test
    void platformAdminCreatesEditsDeactivatesAndActivatesAnOrganization() throws Exception {
        String slug = "portal-org-" + unique();
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("organizations");
            create(browser, "Not a slug!", "Bad Slug Inc");
            browser.shows(ORGANIZATION_MESSAGES, "slug must be 2 to 63");
            create(browser, slug, "Portal Org");
            browser.shows(ORGANIZATION_MESSAGES, "Organization " + slug + " created");
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("organizations-new-dialog")));
            create(browser, slug, "Portal Org Again");
            browser.shows("[id$='organizations-new-messages']", "slug is already taken");
            browser.driver().findElement(By.cssSelector("#organizations-new-dialog .ui-dialog-titlebar-close")).click();
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("organizations-new-dialog")));

            filter(browser, slug);
            var created = browser.row(ORGANIZATIONS, slug, "Portal Org", "Free");
            assertEquals(1, created.findElements(By.cssSelector(".organization-active")).size());
            String key = keyOfANewUser(slug);
            assertEquals(200, api.get("/api/v1/me", bearer(key)).status());

            created.findElement(By.cssSelector(".organization-edit")).click();
            var name = browser.visible("[id$='organizations-edit:edit-name']");
            name.clear();
            name.sendKeys("Portal Org Renamed");
            browser.choose("[id$='organizations-edit:edit-plan']", "Standard");
            browser.driver().findElement(By.cssSelector("[id$='organizations-edit:save']")).click();
            browser.row(ORGANIZATIONS, slug, "Portal Org Renamed", "Standard");

            browser.navigate("audit");
            type(browser, "[id$='audit-filter:actor']", ADMIN);
            type(browser, "[id$='audit-filter:tenant']", slug);
            apply(browser, "[id$='audit-filter:apply']", "[id$=':changes']");
            var edit = browser.row("[id$=':changes']", slug, "UPDATE", "organization", ADMIN + " (platform)");
            edit.findElement(By.cssSelector("[id$='show']")).click();
            browser.shows("#change-dialog", "Portal Org Renamed");
            browser.driver().findElement(By.cssSelector("#change-dialog .ui-dialog-titlebar-close")).click();
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("change-dialog_modal")));

            browser.navigate("organizations");
            filter(browser, slug);
            browser.row(ORGANIZATIONS, slug).findElement(By.cssSelector(".organization-deactivate")).click();
            browser.visible(".ui-confirmdialog-yes").click();
            browser.row(ORGANIZATIONS, slug, "deactivated");
            browser.waiting()
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
            browser.screenshot("portal-organizations");
            var refused = api.get("/api/v1/me", bearer(key));
            assertEquals(401, refused.status(), "a deactivated organization's key: " + refused.body());
            assertTrue(refused.contentType().contains("problem+json"), refused.contentType());
            delete(browser, slug);
            browser.shows(ORGANIZATION_MESSAGES, slug + " still has 1 user: only an empty organization is deleted");
            browser.row(ORGANIZATIONS, slug, "deactivated");

            browser.row(ORGANIZATIONS, slug).findElement(By.cssSelector(".organization-activate")).click();
            browser.shows(ORGANIZATION_MESSAGES, slug + " activated");
            browser.waiting().until(driver -> browser.row(ORGANIZATIONS, slug)
                    .findElements(By.cssSelector(".organization-active")).size() == 1);
            assertEquals(200, api.get("/api/v1/me", bearer(key)).status(), "active again, the key works again");
            delete(browser, slug);
            browser.shows(ORGANIZATION_MESSAGES, slug + " is active: deactivate it first");
            assertEquals(1,
                    browser.row(ORGANIZATIONS, slug).findElements(By.cssSelector(".organization-active")).size());
        }
    }

    @Test
    void platformAdminDeletesAnEmptyDeactivatedOrganization() throws Exception {
        String slug = "portal-mistake-" + unique();
        var created = api.post("/api/v1/organizations", bearer(adminKey),
                Json.createObjectBuilder().add("slug", slug).add("name", "Created By Mistake").build());
        assertEquals(201, created.status(), () -> "create organization: " + created.body());
        String id = created.json().getString("id");
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("organizations");
            filter(browser, slug);
            browser.row(ORGANIZATIONS, slug).findElement(By.cssSelector(".organization-deactivate")).click();
            browser.visible(".ui-confirmdialog-yes").click();
            browser.row(ORGANIZATIONS, slug, "deactivated");
            browser.waiting()
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));

            delete(browser, slug);
            browser.shows(ORGANIZATION_MESSAGES, "Organization " + slug + " deleted");
            browser.shows(ORGANIZATIONS, "No organizations");
            browser.screenshot("portal-organizations-deleted");

            browser.navigate("audit");
            type(browser, "[id$='audit-filter:actor']", ADMIN);
            type(browser, "[id$='audit-filter:tenant']", id);
            apply(browser, "[id$='audit-filter:apply']", "[id$=':changes']");
            browser.row("[id$=':changes']", "organization", "DELETE", ADMIN + " (platform)");
        }
        assertEquals(404, api.get("/api/v1/organizations/" + slug + "/users", bearer(adminKey)).status());
    }

    @Test
    void organizationAdminSeesAndRenamesOnlyTheirOwnOrganizationAndReachesNoPlans() {
        try (var owner = new Browser(meridian)) {
            owner.signIn(OWNER_1, RunningMeridian.DEMO_PASSWORD).navigate("organizations");
            var table = owner.shows(ORGANIZATIONS, tenant1);
            assertFalse(table.getText().contains(tenant2), "another tenant's organization is hidden");
            assertEquals(1, table.findElements(By.cssSelector("tbody tr")).size());
            assertTrue(owner.driver().findElements(By.cssSelector("[id$='nav-plans']")).isEmpty());
            assertTrue(owner.driver().findElements(By.cssSelector("[id$='organizations-new-open']")).isEmpty());
            assertTrue(owner.driver().findElements(By.cssSelector(".organization-deactivate")).isEmpty());
            owner.screenshot("portal-organizations-owner");

            filter(owner, tenant2);
            owner.shows(ORGANIZATIONS, "No organizations");

            filter(owner, tenant1);
            var own = owner.row(ORGANIZATIONS, tenant1);
            String original = nameOf(own);
            rename(owner, tenant1, original + " (renamed)");
            assertTrue(owner.driver().findElements(By.cssSelector("[id$='organizations-edit:edit-plan']")).isEmpty(),
                    "an organization admin's form has no plan");
            rename(owner, tenant1, original);

            owner.open("plans.xhtml");
            assertTrue(owner.driver().findElements(By.cssSelector("[id$='plans-form']")).isEmpty(),
                    "plans are not for organization admins");
        }
    }

    @Test
    void notificationChannelsAreSetInTheirDialogWhichNeverShowsTheSecret() throws Exception {
        String slug = "portal-hooks-" + unique();
        var created = api.post("/api/v1/organizations", bearer(adminKey), Json.createObjectBuilder()
                .add("slug", slug).add("name", "Hooks " + slug).build());
        assertEquals(201, created.status(), () -> "create: " + created.body());
        String url = "https://hooks.example/" + slug;
        String secret = "a secret long enough to sign";
        String channelsPath = "/api/v1/organizations/" + slug + "/notification-channels";
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("organizations");
            filter(browser, slug);
            openChannels(browser, slug);
            type(browser, "[id$='organizations-channels:webhook-url']", url);
            type(browser, "[id$='organizations-channels:webhook-secret']", "too short");
            browser.driver().findElement(By.cssSelector("[id$='organizations-channels:save-channels']")).click();
            browser.shows("[id$='organizations-channels']", "a webhook secret is 16 to 200 characters");
            assertTrue(api.get(channelsPath, bearer(adminKey)).json().isNull("webhookUrl"), "nothing was written");

            type(browser, "[id$='organizations-channels:webhook-secret']", secret);
            browser.visible("[id$='organizations-channels:email-notifications'] .ui-chkbox-box").click();
            browser.driver().findElement(By.cssSelector("[id$='organizations-channels:save-channels']")).click();
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                    By.id("organizations-channels-dialog")));
            browser.shows(ORGANIZATION_MESSAGES, "Notification channels saved");

            var channels = api.get(channelsPath, bearer(adminKey)).json();
            assertEquals(url, channels.getString("webhookUrl"), channels::toString);
            assertTrue(channels.getBoolean("emailNotifications"), channels::toString);

            openChannels(browser, slug);
            assertEquals(url, browser.visible("[id$='organizations-channels:webhook-url']").getAttribute("value"));
            assertEquals("", browser.visible("[id$='organizations-channels:webhook-secret']").getAttribute("value"),
                    "the secret is written, never shown");
            assertFalse(browser.driver().getPageSource().contains(secret));
            browser.screenshot("portal-organization-channels");
        }
    }

    @Test
    void platformAdminCreatesAndRevisesAPlan() throws Exception {
        String code = "plan-" + unique();
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("plans");
            browser.visible("[id$='plans-new']").click();
            type(browser, "[id$='plans-edit:plan-code']", code);
            type(browser, "[id$='plans-edit:plan-name']", "Portal plan");
            type(browser, "[id$='plans-edit:plan-rpm']", "-5");
            type(browser, "[id$='plans-edit:plan-quota']", "1000");
            type(browser, "[id$='plans-edit:plan-price']", "-1");
            browser.driver().findElement(By.cssSelector("[id$='plans-edit:plan-save']")).click();
            browser.shows("[id$='plans-edit']", "Requests per minute must be a positive number");
            browser.shows("[id$='plans-edit']", "A price cannot be negative");

            type(browser, "[id$='plans-edit:plan-rpm']", "30");
            type(browser, "[id$='plans-edit:plan-price']", "0.5");
            browser.driver().findElement(By.cssSelector("[id$='plans-edit:plan-save']")).click();
            browser.row(PLANS, code, "Portal plan", "30", "1000", "0.5");
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("plans-edit-dialog")));

            var organization = api.post("/api/v1/organizations", bearer(adminKey), Json.createObjectBuilder()
                    .add("slug", "on-" + code).add("name", "On " + code).add("plan", code).build());
            assertEquals(201, organization.status(), () -> "an organization on the new plan: " + organization.body());

            browser.row(PLANS, code).findElement(By.cssSelector(".plan-edit")).click();
            assertFalse(browser.visible("[id$='plans-edit:plan-code']").isEnabled(), "a plan's code stays");
            type(browser, "[id$='plans-edit:plan-rpm']", "90");
            type(browser, "[id$='plans-edit:plan-price']", "0.3333");
            browser.driver().findElement(By.cssSelector("[id$='plans-edit:plan-save']")).click();
            var revised = browser.row(PLANS, code, "90", "0.3333");
            assertEquals("1", revised.findElements(By.tagName("td")).get(5).getText(), "organizations on the plan");
            browser.screenshot("portal-plans");
        }
    }

    /** Fills in the new organization's dialog, opening it unless a refusal kept it open. */
    private static void create(Browser browser, String slug, String name) {
        if (!browser.driver().findElement(By.id("organizations-new-dialog")).isDisplayed()) {
            browser.visible("[id$='organizations-new-open']").click();
        }
        type(browser, "[id$='organizations-new:slug']", slug);
        type(browser, "[id$='organizations-new:name']", name);
        browser.driver().findElement(By.cssSelector("[id$='organizations-new:create']")).click();
    }

    /** Clicks the organization's Delete and confirms; the page answers with a message either way. */
    private static void delete(Browser browser, String slug) {
        browser.row(ORGANIZATIONS, slug).findElement(By.cssSelector(".organization-delete")).click();
        browser.visible(".ui-confirmdialog-yes").click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
    }

    private static void openChannels(Browser browser, String slug) {
        browser.row(ORGANIZATIONS, slug).findElement(By.cssSelector(".organization-channels")).click();
        browser.visible("[id$='organizations-channels:webhook-url']");
    }

    private static void rename(Browser browser, String slug, String name) {
        browser.row(ORGANIZATIONS, slug).findElement(By.cssSelector(".organization-edit")).click();
        type(browser, "[id$='organizations-edit:edit-name']", name);
        browser.driver().findElement(By.cssSelector("[id$='organizations-edit:save']")).click();
        browser.waiting().until(driver -> name.equals(nameOf(browser.row(ORGANIZATIONS, slug))));
    }

    private static String nameOf(WebElement row) {
        return row.findElements(By.tagName("td")).get(1).getText();
    }

    private static void filter(Browser browser, String text) {
        type(browser, "[id$='organizations-text']", text);
        apply(browser, "[id$='organizations-apply']", ORGANIZATIONS);
    }

    /** Clicks a filter's button and waits until the table it reloads is replaced, so no old row is read. */
    private static void apply(Browser browser, String button, String table) {
        var before = browser.visible(table);
        browser.driver().findElement(By.cssSelector(button)).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(before));
    }

    private static void type(Browser browser, String css, String text) {
        var input = browser.visible(css);
        input.clear();
        input.sendKeys(text);
    }

    /** An API key of a new member of the organization, created by the platform admin. */
    private static String keyOfANewUser(String slug) throws Exception {
        String username = "member-" + unique();
        var user = api.post("/api/v1/organizations/" + slug + "/users", bearer(adminKey), Json.createObjectBuilder()
                .add("username", username).add("password", PASSWORD).add("fullName", "A Member")
                .add("role", "member").build());
        assertEquals(201, user.status(), () -> "create user: " + user.body());
        return api.issueKey(basic(username, PASSWORD), "portal-organizations").getString("key");
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }
}
