package dev.meridian.launcher;

import static dev.meridian.launcher.ApiClient.basic;
import static dev.meridian.launcher.ApiClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's dashboard on the shared {@link RunningMeridian} with its demo data, in headless Chromium: it
 * is where signing in lands, a platform admin sees the figures, the database, the health snapshot and the
 * charts of the demo's daily metrics, API calls show in today's requests of their own tenant and of no other
 * (and of that tenant alone when a platform admin chooses it), the header names the tenant, and a request
 * after the session ended (its cookie deleted) lands on the login page with a message, for a page load and
 * for an ajax request alike.
 */
class PortalDashboardIT {

    private static final String ADMIN = RunningMeridian.ADMIN;
    private static final String ADMIN_PASSWORD = RunningMeridian.ADMIN_PASSWORD;
    private static final String PASSWORD = RunningMeridian.DEMO_PASSWORD;
    /** Owners of the demo dataset's first and third organizations. */
    private static final String OWNER_1 = "user1.1";
    private static final String OWNER_3 = "user3.1";
    private static final int CALLS = 5;
    /** Metering writes the usage log in batches, every second by default: allow for a loaded machine. */
    private static final Duration METERING = Duration.ofSeconds(45);

    private static final String REQUESTS_TODAY = "[id$='dashboard-requests-today']";

    private static RunningMeridian meridian;
    private static ApiClient api;

    @BeforeAll
    static void startMeridian() throws Exception {
        meridian = RunningMeridian.get();
        api = meridian.api();
    }

    @Test
    void platformAdminLandsOnTheDashboardWithFiguresAndCharts() {
        try (var browser = new Browser(meridian)) {
            try {
                browser.signIn(ADMIN, ADMIN_PASSWORD);

                assertTrue(browser.driver().getTitle().startsWith("Dashboard"), browser.driver().getTitle());
                assertEquals("Signed in as admin (platform admin) · platform",
                        browser.visible("[id$='signed-in-as']").getText());
                browser.showing("[id$='dashboard-reach']", "All organizations");
                browser.showing("[id$='dashboard-database-status']", "Reachable");
                browser.showing("[id$='dashboard-database']", "connections");
                browser.visible("[id$='dashboard-health']");
                figure(browser, REQUESTS_TODAY);
                figure(browser, "[id$='dashboard-active-users-count']");
                figure(browser, "[id$='dashboard-queue-depth']");
                // Chart.js draws the demo's month of daily metrics on each chart's canvas
                browser.visible("[id$='dashboard-traffic-chart'] canvas");
                browser.visible("[id$='dashboard-activity-chart'] canvas");
                browser.waiting().until(driver -> drawn(browser, "dashboard-traffic-chart")
                        && drawn(browser, "dashboard-activity-chart"));
            } finally {
                browser.screenshot("portal-dashboard");
                ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, document.body.scrollHeight)");
                browser.screenshot("portal-dashboard-charts");
            }
        }
    }

    @Test
    void apiCallsCountInTheirTenantsRequestsTodayAndNoOtherTenants() throws Exception {
        try (var owner1 = new Browser(meridian); var owner3 = new Browser(meridian)) {
            owner1.signIn(OWNER_1, PASSWORD);
            owner3.signIn(OWNER_3, PASSWORD);
            owner3.showing("[id$='dashboard-reach']", "Your organization");
            long tenant1Before = figure(owner1, REQUESTS_TODAY);
            long tenant3Before = figure(owner3, REQUESTS_TODAY);

            var key = bearer(api.issueKey(basic(OWNER_3, PASSWORD), "dashboard-it-" + System.nanoTime())
                    .getString("key"));
            for (int i = 0; i < CALLS; i++) {
                assertEquals(200, api.get("/api/v1/me", key).status());
            }

            long tenant3After = awaitFigure(owner3, REQUESTS_TODAY, count -> count >= tenant3Before + CALLS);
            assertTrue(tenant3After >= tenant3Before + CALLS, tenant3Before + " then " + tenant3After);
            assertTrue(figure(owner3, "[id$='dashboard-active-users-count']") >= 1, "the key's owner signed in");
            owner1.driver().navigate().refresh();
            assertEquals(tenant1Before, figure(owner1, REQUESTS_TODAY), "another tenant's calls are not counted");
            assertTrue(owner1.driver().findElements(By.cssSelector("[id$='dashboard-database']")).isEmpty(),
                    "the database is the platform's business");

            // a platform admin narrows the dashboard to one organization, then another, and sees what its admin sees
            try (var admin = new Browser(meridian)) {
                try {
                    admin.signIn(ADMIN, ADMIN_PASSWORD);
                    long all = figure(admin, REQUESTS_TODAY);
                    assertTrue(all >= tenant1Before + tenant3After, all + " for all organizations");
                    assertEquals(tenant1Before, chosen(admin, tenantOf(owner1)), "the first organization's alone");
                    assertEquals(tenant3After, chosen(admin, tenantOf(owner3)), "the third organization's alone");
                    admin.visible("[id$='dashboard-database']");
                    admin.visible("[id$='dashboard-all']").click();
                    admin.shows("[id$='dashboard-reach']", "All organizations");
                } finally {
                    admin.screenshot("portal-dashboard-organization");
                }
            }
        }
    }

    /** Narrows the dashboard to the organization, and answers its requests today. */
    private static long chosen(Browser admin, String tenant) {
        admin.suggest("dashboard-organization", tenant, tenant);
        admin.shows("[id$='dashboard-reach']", "Organization " + tenant);
        return figure(admin, REQUESTS_TODAY);
    }

    /** The slug the header names for the signed-in organization admin. */
    private static String tenantOf(Browser browser) {
        var header = browser.visible("[id$='signed-in-as']").getText();
        return header.substring(header.lastIndexOf(' ') + 1);
    }

    @Test
    void organizationAdminSeesTheirTenantAndAnEndedSessionLeadsToTheLoginPage() {
        try (var browser = new Browser(meridian)) {
            browser.signIn(OWNER_1, PASSWORD);
            var header = browser.visible("[id$='signed-in-as']").getText();
            assertTrue(header.matches("Signed in as user1\\.1 \\(owner\\) · \\S+-1"), header);

            // an ajax request (refresh) after the session ended
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.visible("[id$='dashboard-refresh']").click();
            browser.showing("[id$='login-session-ended']", "Your session ended");
            browser.screenshot("portal-session-ended");

            // signing in again starts afresh on the dashboard
            browser.signIn(OWNER_1, PASSWORD).visible(REQUESTS_TODAY);
            assertTrue(browser.driver().getTitle().startsWith("Dashboard"), browser.driver().getTitle());

            // a page load after the session ended
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.driver().navigate().refresh();
            browser.showing("[id$='login-session-ended']", "Your session ended");

            // signing out is no ended session: the login page says nothing
            browser.signIn(OWNER_1, PASSWORD).visible("[id$='logout']").click();
            browser.waiting().until(ExpectedConditions.urlContains("login.xhtml"));
            browser.visible("[id$='username']");
            assertTrue(browser.driver().findElements(By.cssSelector("[id$='login-session-ended']")).isEmpty(),
                    "no session-ended message after signing out");
        }
    }

    private static long figure(Browser browser, String css) {
        return Long.parseLong(browser.visible(css).getText().strip());
    }

    /** Reloads the page until the figure passes the test or time is up; answers the last figure. */
    private static long awaitFigure(Browser browser, String css, LongPredicate test) throws InterruptedException {
        var deadline = Instant.now().plus(METERING);
        long value = figure(browser, css);
        while (!test.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            browser.driver().navigate().refresh();
            value = figure(browser, css);
        }
        return value;
    }

    /** Whether a chart's canvas has pixels on it (Chart.js drew, the configuration was valid). */
    private static boolean drawn(Browser browser, String chart) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("""
                var canvas = document.querySelector("[id$='%s'] canvas");
                var chart = canvas && window.Chart && Chart.getChart(canvas);
                return !!chart && chart.data.datasets.length > 0
                    && chart.data.datasets[0].data.some(function (value) { return value > 0; });""".formatted(chart)));
    }
}
