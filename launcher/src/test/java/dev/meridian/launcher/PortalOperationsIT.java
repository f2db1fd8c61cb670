package dev.meridian.launcher;

import static dev.meridian.launcher.ApiClient.basic;
import static dev.meridian.launcher.ApiClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's operations pages (audit, database, migrations, read models, jobs, places, reviews, tickets) on
 * the shared {@link RunningMeridian} with its demo data, in headless Chromium: each renders, audit shows a
 * change made through the API with its old and new values, "refresh now" records a job run, a ticket goes
 * back and forth, and an organization admin reaches nothing of another tenant, even with a forged id.
 */
class PortalOperationsIT {

    private static final String ADMIN = RunningMeridian.ADMIN;
    private static final String ADMIN_PASSWORD = RunningMeridian.ADMIN_PASSWORD;
    /** Owners of the demo dataset's first and second organizations. */
    private static final String OWNER_1 = "user1.1";
    private static final String OWNER_2 = "user2.1";

    private static RunningMeridian meridian;
    private static ApiClient api;
    private static String tenant1;
    private static String tenant2;

    @BeforeAll
    static void startMeridian() throws Exception {
        meridian = RunningMeridian.get();
        api = meridian.api();
        String adminKey = createKey(basic(ADMIN, ADMIN_PASSWORD)).getString("key");
        List<String> slugs = api.get("/api/v1/organizations?limit=100", bearer(adminKey)).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(organization -> organization.getString("slug"))
                .toList();
        tenant1 = slugs.stream().filter(slug -> slug.endsWith("-1")).findFirst().orElseThrow();
        tenant2 = slugs.stream().filter(slug -> slug.endsWith("-2")).findFirst().orElseThrow();
    }

    @Test
    void everyPageRendersWithDemoData() {
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD);
            page(browser, "audit").visible("[id$=':changes']");
            browser.screenshot("portal-audit-list");
            page(browser, "database").showing("[id$=':tables']", "place");
            shows(browser, "[id$=':indexes']", "_idx");
            browser.screenshot("portal-database");
            page(browser, "migrations").showing("[id$=':migrations']", "Success");
            browser.screenshot("portal-migrations");
            page(browser, "places").showing("[id$=':places']", tenant1);
            browser.screenshot("portal-places");
            page(browser, "reviews").showing("[id$=':reviews']", "user");
            browser.screenshot("portal-reviews");
            page(browser, "tickets").visible("[id$=':tickets']");
            page(browser, "read-models").showing("[id$=':views']", "place_typeahead");
        }
    }

    @Test
    void auditShowsAnApiChangeWithOldAndNewValues() throws Exception {
        revokeAKey(OWNER_1);
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD).open("audit.xhtml");
            filterAudit(browser, "[id$='actor']", OWNER_1);
            var row = row(browser, "[id$=':changes']", "UPDATE", "api_key", OWNER_1);
            assertTrue(row.getText().contains("api_key"), row.getText());
            row.findElement(By.cssSelector("[id$='show']")).click();

            var changed = shows(browser, "#change-dialog tr.portal-changed", "revoked_at");
            browser.screenshot("portal-audit");

            assertTrue(browser.visible("#change-summary").getText().contains(OWNER_1));
            assertFalse(changed.getText().contains("key_hash"), "credential hashes never reach the trail");
        }
    }

    @Test
    void organizationAdminReachesNothingOfAnotherTenant() throws Exception {
        revokeAKey(OWNER_2);
        String foreignChange;
        String foreignPlace;
        try (var admin = new Browser(meridian)) {
            admin.signIn(ADMIN, ADMIN_PASSWORD).open("audit.xhtml");
            filterAudit(admin, "[id$='actor']", OWNER_2);
            foreignChange = row(admin, "[id$=':changes']", "api_key", OWNER_2).findElement(By.cssSelector(".change-id"))
                    .getText();
            page(admin, "places");
            admin.visible("[id$='tenant']").sendKeys(tenant2);
            apply(admin, "[id$='apply']", "[id$=':places']");
            foreignPlace = row(admin, "[id$=':places']", tenant2).findElement(By.cssSelector(".place-name"))
                    .getAttribute("title");
        }
        String forgedName = "Forged " + System.nanoTime();
        try (var owner = new Browser(meridian)) {
            owner.signIn(OWNER_1, RunningMeridian.DEMO_PASSWORD).open("audit.xhtml?change=" + foreignChange);
            owner.screenshot("portal-audit-forged-id");
            shows(owner, "[id$='messages']", "Not found");
            filterAudit(owner, "[id$='actor']", OWNER_2);
            shows(owner, "[id$=':changes']", "No changes");

            var places = page(owner, "places").showing("[id$=':places']", tenant1);
            assertFalse(places.getText().contains(tenant2), "another tenant's places are hidden");
            places.findElement(By.cssSelector(".place-edit")).click();
            var name = owner.visible("[id$='edit-form:name']");
            ((JavascriptExecutor) owner.driver()).executeScript(
                    "document.querySelector(\"[id$='edit-form:place-id']\").value = arguments[0]", foreignPlace);
            name.clear();
            name.sendKeys(forgedName);
            owner.driver().findElement(By.cssSelector("[id$='edit-form:save']")).click();
            shows(owner, "[id$='messages']", "Not found");
            owner.screenshot("portal-places-forged-id");
        }
        try (var admin = new Browser(meridian)) {
            page(admin.signIn(ADMIN, ADMIN_PASSWORD), "places");
            admin.visible("[id$='text']").sendKeys(forgedName);
            apply(admin, "[id$='apply']", "[id$=':places']");
            shows(admin, "[id$=':places']", "No places");
        }
    }

    @Test
    void refreshNowRecordsAJobRun() {
        try (var browser = new Browser(meridian)) {
            page(browser.signIn(ADMIN, ADMIN_PASSWORD), "read-models").visible("[id$='refresh-now']").click();
            browser.visible(".ui-confirmdialog-yes").click();
            shows(browser, "[id$='messages']", "refresh-read-models succeeded");
            shows(browser, "#last-refresh", "succeeded");
            browser.screenshot("portal-read-models");

            page(browser, "jobs").showing("[id$=':runs']", "refresh-read-models");
            assertTrue(browser.visible("[id$=':runs']").getText().contains("succeeded"));
            browser.screenshot("portal-jobs");
        }
    }

    @Test
    void supportAnswersAndClosesATicket() {
        String subject = "Export broken " + System.nanoTime();
        try (var owner = new Browser(meridian)) {
            page(owner.signIn(OWNER_1, RunningMeridian.DEMO_PASSWORD), "tickets");
            owner.visible("[id$='open-form:subject']").sendKeys(subject);
            owner.driver().findElement(By.cssSelector("[id$='open-form:body']")).sendKeys("The CSV is empty.");
            owner.driver().findElement(By.cssSelector("[id$='open-form:open']")).click();
            shows(owner, "#ticket-status", "open");
        }
        try (var support = new Browser(meridian)) {
            try {
                page(support.signIn(ADMIN, ADMIN_PASSWORD), "tickets");
                row(support, "[id$=':tickets']", subject).findElement(By.cssSelector(".ticket-open")).click();
                support.visible("[id$='reply-form:reply']").sendKeys("We are on it.");
                support.driver().findElement(By.cssSelector("[id$='reply-form:send']")).click();
                shows(support, "#ticket-status", "pending");
                shows(support, "[id$='conversation']", "We are on it.");
                support.screenshot("portal-tickets");
                support.driver().findElement(By.cssSelector("[id$='reply-form:close']")).click();
                support.visible(".ui-confirmdialog-yes").click();
                shows(support, "#ticket-status", "closed");
            } finally {
                // also on failure: the picture shows what went wrong
                support.screenshot("portal-tickets-support");
            }
        }
    }

    /** Waits until the element, found anew each time (ajax replaces elements), shows the text. */
    private static WebElement shows(Browser browser, String css, String text) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return browser.visible(css);
    }

    /** Opens a page through its navigation link, which carries the token protected views need. */
    private static Browser page(Browser browser, String page) {
        browser.visible("[id$='nav-" + page + "']").click();
        browser.waiting().until(ExpectedConditions.urlContains(page + ".xhtml"));
        return browser;
    }

    private static void filterAudit(Browser browser, String field, String value) {
        var input = browser.visible(field);
        input.clear();
        input.sendKeys(value);
        apply(browser, "[id$='audit-filter:apply']", "[id$=':changes']");
    }

    /** Clicks a filter's button and waits until the table it reloads is replaced, so no old row is read. */
    private static void apply(Browser browser, String button, String table) {
        var before = browser.visible(table);
        browser.driver().findElement(By.cssSelector(button)).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(before));
    }

    /** The first row of a table that shows all the texts, once there is one (tables reload by ajax). */
    private static WebElement row(Browser browser, String table, String... texts) {
        return browser.waiting().ignoring(StaleElementReferenceException.class).until(driver -> driver
                .findElements(By.cssSelector(table + " tbody tr")).stream()
                .filter(row -> Arrays.stream(texts).allMatch(row.getText()::contains))
                .findFirst()
                .orElse(null));
    }

    /** Creates two keys for the user and revokes one, so the change log holds an UPDATE of theirs. */
    private static void revokeAKey(String username) throws Exception {
        String key = createKey(basic(username, RunningMeridian.DEMO_PASSWORD)).getString("key");
        String revoked = createKey(basic(username, RunningMeridian.DEMO_PASSWORD)).getString("id");
        assertEquals(204, api.delete("/api/v1/keys/" + revoked, bearer(key)).status());
    }

    private static JsonObject createKey(String authorization) throws Exception {
        var response = api.post("/api/v1/keys", authorization,
                Json.createObjectBuilder().add("name", "portal-operations").build());
        assertEquals(201, response.status(), () -> "create key: " + response.body());
        return response.json();
    }
}
