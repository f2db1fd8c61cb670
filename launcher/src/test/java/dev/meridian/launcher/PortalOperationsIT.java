package dev.meridian.launcher;

import static dev.meridian.launcher.ApiClient.basic;
import static dev.meridian.launcher.ApiClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
        String adminKey = api.issueKey(basic(ADMIN, ADMIN_PASSWORD), "portal-operations").getString("key");
        tenant1 = meridian.demoTenant(adminKey, 1);
        tenant2 = meridian.demoTenant(adminKey, 2);
    }

    @Test
    void everyPageRendersWithDemoData() {
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD);
            browser.navigate("audit").visible("[id$=':changes']");
            browser.screenshot("portal-audit-list");
            browser.navigate("database").showing("[id$=':tables']", "place");
            browser.shows("[id$=':indexes']", "_idx");
            browser.screenshot("portal-database");
            browser.navigate("migrations").showing("[id$=':migrations']", "Success");
            browser.screenshot("portal-migrations");
            browser.navigate("places").showing("[id$=':places']", tenant1);
            browser.screenshot("portal-places");
            browser.navigate("reviews").showing("[id$=':reviews']", "user");
            browser.screenshot("portal-reviews");
            browser.navigate("tickets").visible("[id$=':tickets']");
            browser.navigate("read-models").showing("[id$=':views']", "place_typeahead");
        }
    }

    @Test
    void auditShowsAnApiChangeWithOldAndNewValues() throws Exception {
        revokeAKey(OWNER_1);
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD).open("audit.xhtml");
            filterAudit(browser, "[id$='actor']", OWNER_1);
            var row = browser.row("[id$=':changes']", "UPDATE", "api_key", OWNER_1);
            assertTrue(row.getText().contains("api_key"), row.getText());
            row.findElement(By.cssSelector("[id$='show']")).click();

            var changed = browser.shows("#change-dialog tr.portal-changed", "revoked_at");
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
            foreignChange = admin.row("[id$=':changes']", "api_key", OWNER_2).findElement(By.cssSelector(".change-id"))
                    .getText();
            admin.navigate("places");
            admin.visible("[id$='tenant']").sendKeys(tenant2);
            apply(admin, "[id$='apply']", "[id$=':places']");
            foreignPlace = admin.row("[id$=':places']", tenant2).findElement(By.cssSelector(".place-name"))
                    .getAttribute("title");
        }
        String forgedName = "Forged " + System.nanoTime();
        try (var owner = new Browser(meridian)) {
            owner.signIn(OWNER_1, RunningMeridian.DEMO_PASSWORD).open("audit.xhtml?change=" + foreignChange);
            owner.screenshot("portal-audit-forged-id");
            owner.shows("[id$='messages']", "Not found");
            filterAudit(owner, "[id$='actor']", OWNER_2);
            owner.shows("[id$=':changes']", "No changes");

            var places = owner.navigate("places").showing("[id$=':places']", tenant1);
            assertFalse(places.getText().contains(tenant2), "another tenant's places are hidden");
            places.findElement(By.cssSelector(".place-edit")).click();
            var name = owner.visible("[id$='edit-form:name']");
            ((JavascriptExecutor) owner.driver()).executeScript(
                    "document.querySelector(\"[id$='edit-form:place-id']\").value = arguments[0]", foreignPlace);
            name.clear();
            name.sendKeys(forgedName);
            owner.driver().findElement(By.cssSelector("[id$='edit-form:save']")).click();
            owner.shows("[id$='messages']", "Not found");
            owner.screenshot("portal-places-forged-id");
        }
        try (var admin = new Browser(meridian)) {
            admin.signIn(ADMIN, ADMIN_PASSWORD).navigate("places");
            admin.visible("[id$='text']").sendKeys(forgedName);
            apply(admin, "[id$='apply']", "[id$=':places']");
            admin.shows("[id$=':places']", "No places");
        }
    }

    @Test
    void refreshNowRecordsAJobRun() {
        try (var browser = new Browser(meridian)) {
            browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("read-models").visible("[id$='refresh-now']").click();
            browser.visible(".ui-confirmdialog-yes").click();
            browser.shows("[id$='messages']", "refresh-read-models succeeded");
            browser.shows("#last-refresh", "succeeded");
            browser.screenshot("portal-read-models");

            browser.navigate("jobs").showing("[id$=':runs']", "refresh-read-models");
            assertTrue(browser.visible("[id$=':runs']").getText().contains("succeeded"));
            browser.screenshot("portal-jobs");
        }
    }

    @Test
    void supportAnswersAndClosesATicket() {
        String subject = "Export broken " + System.nanoTime();
        try (var owner = new Browser(meridian)) {
            owner.signIn(OWNER_1, RunningMeridian.DEMO_PASSWORD).navigate("tickets");
            owner.visible("[id$='open-form:subject']").sendKeys(subject);
            owner.driver().findElement(By.cssSelector("[id$='open-form:body']")).sendKeys("The CSV is empty.");
            owner.driver().findElement(By.cssSelector("[id$='open-form:open']")).click();
            owner.shows("#ticket-status", "open");
        }
        try (var support = new Browser(meridian)) {
            try {
                support.signIn(ADMIN, ADMIN_PASSWORD).navigate("tickets");
                support.row("[id$=':tickets']", subject).findElement(By.cssSelector(".ticket-open")).click();
                support.visible("[id$='reply-form:reply']").sendKeys("We are on it.");
                support.driver().findElement(By.cssSelector("[id$='reply-form:send']")).click();
                support.shows("#ticket-status", "pending");
                support.shows("[id$='conversation']", "We are on it.");
                support.screenshot("portal-tickets");
                support.driver().findElement(By.cssSelector("[id$='reply-form:close']")).click();
                support.visible(".ui-confirmdialog-yes").click();
                support.shows("#ticket-status", "closed");
            } finally {
                // also on failure: the picture shows what went wrong
                support.screenshot("portal-tickets-support");
            }
        }
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

    /** Creates two keys for the user and revokes one, so the change log holds an UPDATE of theirs. */
    private static void revokeAKey(String username) throws Exception {
        String credentials = basic(username, RunningMeridian.DEMO_PASSWORD);
        String key = api.issueKey(credentials, "portal-operations").getString("key");
        String revoked = api.issueKey(credentials, "portal-operations").getString("id");
        assertEquals(204, api.delete("/api/v1/keys/" + revoked, bearer(key)).status());
    }
}
