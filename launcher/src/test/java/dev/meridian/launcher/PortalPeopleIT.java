package dev.meridian.launcher;

import static dev.meridian.launcher.ApiClient.basic;
import static dev.meridian.launcher.ApiClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's users, API keys and account pages on the shared {@link RunningMeridian}, in headless Chromium:
 * a platform admin picks a tenant the test creates, and takes a user from creation (with an e-mail) through a
 * password reset they redeem without signing in, to deactivation and reactivation, and a key from creation
 * (its secret shown once, and working) to revocation (and refused at once); deletes a user (their keys and
 * password refused at once) but not one who wrote to support, and deletes a key (refused at once); an
 * organization admin sees only their own organization, whatever a URL or a forged form field names, and
 * deletes nobody of another tenant. A user changes their own password, which ends their other sessions.
 */
class PortalPeopleIT {

    private static final String ADMIN = RunningMeridian.ADMIN;
    private static final String ADMIN_PASSWORD = RunningMeridian.ADMIN_PASSWORD;
    /** Owner of the demo dataset's first organization. */
    private static final String OWNER_1 = "user1.1";
    private static final String FOREIGN_USER = "user2.1";
    private static final String PASSWORD = "people portal password";
    private static final String NEW_PASSWORD = "a password set by reset";
    private static final String ORGANIZATION = "organization-choice:organization";
    private static final String CHOICE = "[id$='" + ORGANIZATION + "']";
    private static final String USERS = "[id$=':users']";
    private static final String KEYS = "[id$=':keys']";
    private static final String MESSAGES = "[id$='messages']";
    /** Column of the users table that says whether a user is active. */
    private static final int ACTIVE_COLUMN = 5;

    private static RunningMeridian meridian;
    private static ApiClient api;
    private static String adminKey;
    private static String tenant;
    private static String tenant1;
    private static String tenant2;

    @BeforeAll
    static void startMeridian() throws Exception {
        meridian = RunningMeridian.get();
        api = meridian.api();
        adminKey = api.issueKey(basic(ADMIN, ADMIN_PASSWORD), "portal-people").getString("key");
        tenant = createOrganization("people-");
        tenant1 = meridian.demoTenant(adminKey, 1);
        tenant2 = meridian.demoTenant(adminKey, 2);
    }

    @Test
    void platformAdminTakesAUserFromCreationThroughAPasswordResetToDeactivationAndBack() throws Exception {
        String username = "pat." + unique();
        // an organization of its own, so that it starts without users whichever test ran before
        String empty = createOrganization("people-life-");
        try (var browser = new Browser(meridian)) {
            try {
                browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("users");
                browser.shows("[id$='organization-hint']", "Choose an organization");
                assertTrue(browser.absent(USERS), "no list before an organization is chosen");
                browser.suggest(ORGANIZATION, empty, empty).shows("[id$='organization-name']", empty);
                browser.shows(USERS, "No users");

                createUser(browser, username, PASSWORD);
                browser.shows(MESSAGES, "User " + username + " created");
                browser.row(USERS, username, "Pat Portal", "pat@example.org", "member");
                createUser(browser, username, PASSWORD);
                browser.shows(MESSAGES, "username is already taken");
                createUser(browser, "Not Valid!", PASSWORD);
                browser.shows(MESSAGES, "username must be");
                createUser(browser, "short." + unique(), "too short");
                browser.shows(MESSAGES, "password must be at least 12 characters");

                browser.row(USERS, username).findElement(By.cssSelector(".users-edit")).click();
                var name = browser.visible("[id$='users-edit-form:edited-name']");
                name.clear();
                name.sendKeys("Pat Edited");
                type(browser, "[id$='users-edit-form:edited-email']", "pat at example.org");
                browser.driver().findElement(By.cssSelector("[id$='users-edit-form:save']")).click();
                browser.shows(MESSAGES, "email must be an address");
                type(browser, "[id$='users-edit-form:edited-email']", "pat.edited@example.org");
                browser.choose("[id$='users-edit-form:edited-role']", "viewer");
                browser.driver().findElement(By.cssSelector("[id$='users-edit-form:save']")).click();
                browser.shows(MESSAGES, "User saved");
                browser.row(USERS, username, "Pat Edited", "pat.edited@example.org", "viewer");

                browser.row(USERS, username).findElement(By.cssSelector(".users-permissions")).click();
                browser.waiting().until(found -> found.findElements(By.cssSelector(
                        "[id$='users-permissions-form:granted'] label")).stream()
                        .filter(label -> label.isDisplayed() && label.getText().contains("reviews.moderate"))
                        .findFirst().orElse(null))
                        .click();
                browser.driver().findElement(By.cssSelector("[id$='users-permissions-form:save']")).click();
                browser.shows(MESSAGES, "Permissions saved");
                browser.row(USERS, username, "reviews.moderate");
                screenshotFromTop(browser, "portal-users");

                browser.row(USERS, username).findElement(By.cssSelector(".users-reset")).click();
                var token = browser.visible("#users-reset-token").getText().strip();
                assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
                var link = browser.visible("#users-reset-link").getText().strip();
                assertEquals(meridian.publicUri("/admin/reset-password.xhtml?token=" + token).toString(), link,
                        "the link starts with MERIDIAN_PUBLIC_URL, not the address the browser used");
                browser.screenshot("portal-users-reset-token");
                closeDialog(browser, "users-reset-dialog");
                // the page forgets it once the dialog closes
                browser.waiting().until(found -> !found.getPageSource().contains(token));

                redeemReset(link);
                assertProblem(401, issueKey(username, PASSWORD));
                assertEquals(201, issueKey(username, NEW_PASSWORD).status(), "active: signs in with the new one");
                browser.row(USERS, username).findElement(By.cssSelector(".users-deactivate")).click();
                browser.visible(".ui-confirmdialog-yes").click();
                browser.shows(MESSAGES, "User " + username + " deactivated");
                browser.waiting().until(found -> "no".equals(cell(browser.row(USERS, username), ACTIVE_COLUMN)));
                assertTrue(browser.row(USERS, username).findElements(By.cssSelector(".users-deactivate")).isEmpty());
                assertProblem(401, issueKey(username, NEW_PASSWORD));

                browser.row(USERS, username).findElement(By.cssSelector(".users-reactivate")).click();
                browser.visible(".ui-confirmdialog-yes").click();
                browser.shows(MESSAGES, "User " + username + " reactivated");
                browser.waiting().until(found -> "yes".equals(cell(browser.row(USERS, username), ACTIVE_COLUMN)));
            } finally {
                // also on failure: the picture shows what went wrong
                browser.screenshot("portal-users-lifecycle");
            }
        }
        assertEquals(201, issueKey(username, NEW_PASSWORD).status(), "reactivated: signs in again");
    }

    /**
     * Someone not signed in opens the reset link: two different passwords are refused, then the password is set,
     * and the same link does not work twice.
     */
    private static void redeemReset(String link) {
        try (var visitor = new Browser(meridian)) {
            try {
                visitor.driver().get(link);
                assertEquals(link.substring(link.indexOf("token=") + 6),
                        visitor.visible("[id$='reset-form:token']").getAttribute("value"), "the link fills the token");
                setNewPassword(visitor, NEW_PASSWORD, "not the same password");
                visitor.shows(MESSAGES, "The two new passwords differ");
                setNewPassword(visitor, NEW_PASSWORD, NEW_PASSWORD);
                visitor.shows(MESSAGES, "Your password is set");
                visitor.screenshot("portal-reset-password");
                visitor.visible("[id$='reset-form:sign-in']");

                visitor.driver().get(link);
                setNewPassword(visitor, "a third password, never set", "a third password, never set");
                visitor.shows(MESSAGES, "this reset token is not valid");
            } finally {
                visitor.screenshot("portal-reset-password-last");
            }
        }
    }

    private static void setNewPassword(Browser visitor, String password, String repeated) {
        type(visitor, "[id$='reset-form:password']", password);
        type(visitor, "[id$='reset-form:repeated']", repeated);
        visitor.driver().findElement(By.cssSelector("[id$='reset-form:redeem']")).click();
    }

    private static ApiClient.Response issueKey(String username, String password) throws Exception {
        return api.post("/api/v1/keys", basic(username, password),
                Json.createObjectBuilder().add("name", "key " + unique()).build());
    }

    @Test
    void anAdminsOpenSessionEndsAtTheirNextRequestOnceDeactivatedOrNoLongerAnAdmin() throws Exception {
        String demoted = "dee." + unique();
        createUserThroughApi(tenant, demoted, "admin");
        try (var them = new Browser(meridian); var admin = new Browser(meridian)) {
            try {
                them.signIn(demoted, PASSWORD).navigate("users").visible(USERS);
                admin.signIn(ADMIN, ADMIN_PASSWORD).navigate("users").suggest(ORGANIZATION, tenant, tenant);

                admin.row(USERS, demoted).findElement(By.cssSelector(".users-deactivate")).click();
                admin.visible(".ui-confirmdialog-yes").click();
                admin.shows(MESSAGES, "User " + demoted + " deactivated");
                them.visible("[id$='nav-keys']").click();
                them.shows("[id$='login-session-ended']", "Your session ended");

                admin.row(USERS, demoted).findElement(By.cssSelector(".users-reactivate")).click();
                admin.visible(".ui-confirmdialog-yes").click();
                admin.shows(MESSAGES, "User " + demoted + " reactivated");
                them.signIn(demoted, PASSWORD).navigate("keys").visible(KEYS);

                admin.row(USERS, demoted).findElement(By.cssSelector(".users-edit")).click();
                admin.shows("[id$='users-edit-form:edited-username']", demoted);
                admin.choose("[id$='users-edit-form:edited-role']", "member");
                admin.driver().findElement(By.cssSelector("[id$='users-edit-form:save']")).click();
                admin.shows(MESSAGES, "User saved");
                // an ajax request this time: the session ends all the same
                them.visible("[id$='keys-form:apply']").click();
                them.shows("[id$='login-session-ended']", "Your session ended");
            } finally {
                them.screenshot("portal-session-ended");
            }
        }
    }

    @Test
    void aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() throws Exception {
        String owner = "pat." + unique();
        String chosen = "a password pat chose";
        createUserThroughApi(tenant, owner, "owner");
        try (var here = new Browser(meridian); var elsewhere = new Browser(meridian)) {
            elsewhere.signIn(owner, PASSWORD).navigate("users").visible(USERS);
            here.signIn(owner, PASSWORD).visible("[id$='account']").click();
            here.shows("[id$='account-username']", owner);

            changePassword(here, "not the password", chosen, chosen);
            here.shows("[id$='password-messages']", "the current password is not right");
            changePassword(here, PASSWORD, chosen, chosen + " and more");
            here.shows("[id$='password-messages']", "The two new passwords differ");
            assertEquals(201, api.post("/api/v1/keys", basic(owner, PASSWORD), Json.createObjectBuilder()
                    .add("name", "before").build()).status(), "a refused change changed nothing");

            changePassword(here, PASSWORD, chosen, chosen);
            here.shows("[id$='password-messages']", "Your password is changed");
            here.screenshot("portal-account");

            here.navigate("users").visible(USERS);
            assertTrue(here.visible("[id$='signed-in-as']").getText().contains(owner), "this session goes on");
            elsewhere.visible("[id$='nav-keys']").click();
            elsewhere.shows("[id$='login-session-ended']", "Your session ended");
        }
        assertProblem(401, api.post("/api/v1/keys", basic(owner, PASSWORD), Json.createObjectBuilder()
                .add("name", "old").build()));
        api.issueKey(basic(owner, chosen), "new");
    }

    private static void changePassword(Browser browser, String current, String chosen, String repeated) {
        type(browser, "[id$='password-form:current']", current);
        type(browser, "[id$='password-form:password']", chosen);
        type(browser, "[id$='password-form:repeated']", repeated);
        browser.driver().findElement(By.cssSelector("[id$='password-form:change']")).click();
    }

    @Test
    void platformAdminIssuesAKeyThatWorksUntilRevokedAndDeletesAnother() throws Exception {
        String owner = "kim." + unique();
        String keyName = "portal key " + unique();
        String doomedName = "doomed key " + unique();
        createUserThroughApi(tenant, owner);
        String doomed = api.issueKey(basic(owner, PASSWORD), doomedName).getString("key");
        // authenticated once, so this instance remembers it: deleting it must make the instance forget
        assertEquals(200, api.get("/api/v1/me", bearer(doomed)).status());
        String secret;
        try (var browser = new Browser(meridian)) {
            try {
                browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("keys");
                assertTrue(browser.absent(KEYS), "no list before an organization is chosen");
                browser.suggest(ORGANIZATION, tenant, tenant).visible(KEYS);

                browser.suggest("keys-create-form:owner", owner.substring(0, 6), owner);
                browser.visible("[id$='keys-create-form:name']").sendKeys(keyName);
                browser.driver().findElement(By.cssSelector("[id$='keys-create-form:create']")).click();
                secret = browser.visible("#keys-secret").getText().strip();
                assertTrue(secret.matches("mrd_[a-z0-9]{12}_[A-Za-z0-9_-]{43}"), secret);

                var me = api.get("/api/v1/me", bearer(secret));
                assertEquals(200, me.status(), () -> "the new key works: " + me.body());
                assertEquals(owner, me.json().getString("username"));

                closeDialog(browser, "keys-secret-dialog");
                var row = browser.row(KEYS, keyName, owner);
                assertFalse(row.getText().contains(secret), "the list never shows the secret");
                row.findElement(By.cssSelector(".keys-revoke")).click();
                browser.visible(".ui-confirmdialog-yes").click();
                browser.shows(MESSAGES, "Key " + keyName + " revoked");
                browser.waiting().until(found -> !browser.row(KEYS, keyName)
                        .findElement(By.cssSelector(".keys-revoked")).getText().isBlank());
                screenshotFromTop(browser, "portal-keys");

                browser.navigate("keys").suggest(ORGANIZATION, tenant, tenant).row(KEYS, keyName);
                assertFalse(browser.driver().getPageSource().contains(secret), "the secret is shown only once");

                browser.row(KEYS, doomedName, owner).findElement(By.cssSelector(".keys-delete")).click();
                browser.shows(".ui-confirm-dialog-message", "for good");
                browser.visible(".ui-confirmdialog-yes").click();
                browser.shows(MESSAGES, "Key " + doomedName + " deleted");
                gone(browser, KEYS, doomedName);
                browser.row(KEYS, keyName);
            } finally {
                browser.screenshot("portal-keys-lifecycle");
            }
        }
        assertProblem(401, api.get("/api/v1/me", bearer(secret)));
        assertProblem(401, api.get("/api/v1/me", bearer(doomed)));
    }

    @Test
    void platformAdminDeletesAUserUnlessTheyWroteToSupport() throws Exception {
        String leaving = "lee." + unique();
        String writer = "wes." + unique();
        createUserThroughApi(tenant, leaving);
        createUserThroughApi(tenant, writer);
        String leavingKey = api.issueKey(basic(leaving, PASSWORD), "leaving").getString("key");
        String writerKey = api.issueKey(basic(writer, PASSWORD), "writing").getString("key");
        var ticket = api.post("/api/v1/tickets", bearer(writerKey), Json.createObjectBuilder()
                .add("subject", "Help").add("message", "Please help").build());
        assertEquals(201, ticket.status(), () -> "open ticket: " + ticket.body());
        // authenticated once, so this instance remembers it: deleting its owner must make the instance forget
        assertEquals(200, api.get("/api/v1/me", bearer(leavingKey)).status());
        try (var browser = new Browser(meridian)) {
            try {
                browser.signIn(ADMIN, ADMIN_PASSWORD).navigate("users");
                browser.suggest(ORGANIZATION, tenant, tenant).visible(USERS);

                deleteUser(browser, writer);
                browser.shows(MESSAGES, "user " + writer + " has ");
                browser.shows(MESSAGES, "support tickets; deactivate instead");
                browser.row(USERS, writer);
                // an answered conflict, not a warning with EclipseLink's stack in the server log
                assertFalse(Files.readString(RunningMeridian.directory().resolve("domains/meridian/logs/server.log"))
                        .contains("support_ticket_organization_id_author_user_id_fkey"), "the server log");

                deleteUser(browser, leaving);
                browser.shows(MESSAGES, "User " + leaving + " deleted");
                gone(browser, USERS, leaving);
            } finally {
                browser.screenshot("portal-users-delete");
            }
        }
        assertEquals(200, api.get("/api/v1/me", bearer(writerKey)).status(), "a refused deletion takes nothing");
        assertProblem(401, api.get("/api/v1/me", bearer(leavingKey)));
        assertProblem(401, api.post("/api/v1/keys", basic(leaving, PASSWORD),
                Json.createObjectBuilder().add("name", "after").build()));
        assertTrue(tenantUsers(tenant).stream().noneMatch(user -> leaving.equals(user.getString("username"))));
    }

    @Test
    void organizationAdminReachesNothingOfAnotherTenant() throws Exception {
        String foreignKey = "foreign " + unique();
        api.issueKey(basic(FOREIGN_USER, RunningMeridian.DEMO_PASSWORD), foreignKey);
        String foreignUserId = tenantUsers(tenant2).stream()
                .filter(user -> FOREIGN_USER.equals(user.getString("username")))
                .findFirst().orElseThrow().getString("id");
        String foreignMember = "victim." + unique();
        createUserThroughApi(tenant2, foreignMember);
        String foreignMemberId = tenantUsers(tenant2).stream()
                .filter(user -> foreignMember.equals(user.getString("username")))
                .findFirst().orElseThrow().getString("id");
        String forgedName = "Forged " + unique();
        try (var owner = new Browser(meridian)) {
            try {
                owner.signIn(OWNER_1, RunningMeridian.DEMO_PASSWORD).navigate("users");
                assertTrue(owner.absent(CHOICE), "an organization admin chooses no organization");
                owner.shows("[id$='organization-name']", tenant1);
                var users = owner.shows(USERS, OWNER_1);
                assertFalse(users.getText().contains("user2."), "another tenant's users are hidden");

                // a forged user id in the edit form's hidden field
                owner.row(USERS, OWNER_1).findElement(By.cssSelector(".users-edit")).click();
                var name = owner.visible("[id$='users-edit-form:edited-name']");
                forge(owner, "[id$='users-edit-form:user-id']", foreignUserId);
                name.clear();
                name.sendKeys(forgedName);
                owner.driver().findElement(By.cssSelector("[id$='users-edit-form:save']")).click();
                owner.shows(MESSAGES, "Not found");
                owner.screenshot("portal-users-forged-id");
                // a refused save keeps the dialog open on what was typed
                closeDialog(owner, "users-edit-dialog");

                // a forged user id behind the edit form's Delete
                owner.row(USERS, OWNER_1).findElement(By.cssSelector(".users-edit")).click();
                owner.waiting().until(found -> !found.findElement(By.cssSelector(MESSAGES)).getText()
                        .contains("Not found"));
                owner.visible("[id$='users-edit-form:edited-name']");
                forge(owner, "[id$='users-edit-form:user-id']", foreignMemberId);
                owner.visible("[id$='users-edit-form:delete']").click();
                owner.visible(".ui-confirmdialog-yes").click();
                owner.shows(MESSAGES, "Not found");

                // another tenant's slug in the URL
                forgeOrganizationInUrl(owner);
                assertTrue(owner.absent(USERS), "no list of another tenant");
                assertFalse(owner.driver().getPageSource().contains("user2."), "nothing of another tenant");

                var keys = owner.navigate("keys").visible(KEYS);
                assertFalse(keys.getText().contains(foreignKey), "another tenant's keys are hidden");
                // another tenant's user typed as a key's owner
                owner.visible("[id$='keys-create-form:owner_input']").sendKeys(FOREIGN_USER);
                // not suggested; and the suggestion's answer is in before the form goes
                owner.shows("[id$='keys-create-form:owner_panel']", "No records found");
                owner.visible("[id$='keys-create-form:name']").sendKeys("stolen " + unique());
                owner.driver().findElement(By.cssSelector("[id$='keys-create-form:create']")).click();
                owner.shows(MESSAGES, "Not found");
                assertTrue(owner.absent("#keys-secret"), "no key for another tenant's user");

                forgeOrganizationInUrl(owner);
                assertTrue(owner.absent(KEYS), "no list of another tenant's keys");
                assertFalse(owner.driver().getPageSource().contains(foreignKey), "nothing of another tenant");
            } finally {
                owner.screenshot("portal-people-forged");
            }
        }
        assertTrue(tenantUsers(tenant2).stream().noneMatch(user -> forgedName.equals(user.getString("fullName"))),
                "the other tenant's user is unchanged");
        assertTrue(tenantUsers(tenant2).stream().anyMatch(user -> foreignMember.equals(user.getString("username"))),
                "the other tenant's user is not deleted");
    }

    private static void createUser(Browser browser, String username, String password) {
        type(browser, "[id$='users-create-form:username']", username);
        type(browser, "[id$='users-create-form:full-name']", "Pat Portal");
        type(browser, "[id$='users-create-form:email']", "pat@example.org");
        type(browser, "[id$='users-create-form:password']", password);
        browser.driver().findElement(By.cssSelector("[id$='users-create-form:create']")).click();
    }

    /** Opens the user's edit form and deletes them from it, confirming; the page answers either way. */
    private static void deleteUser(Browser browser, String username) {
        browser.row(USERS, username).findElement(By.cssSelector(".users-edit")).click();
        browser.shows("[id$='users-edit-form:edited-username']", username);
        browser.visible("[id$='users-edit-form:delete']").click();
        browser.shows(".ui-confirm-dialog-message", "Delete " + username + " for good? Their reviews, API keys");
        browser.visible(".ui-confirmdialog-yes").click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
    }

    /** Waits until the table, found anew each time, no longer shows the text. */
    private static void gone(Browser browser, String table, String text) {
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(found -> !found.findElement(By.cssSelector(table)).getText().contains(text));
    }

    private static void type(Browser browser, String css, String text) {
        var input = browser.visible(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a form field's value behind the page's back, as a forged request would. */
    private static void forge(Browser browser, String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(arguments[0]).value = arguments[1]", css, value);
    }

    /** Reopens the page (with its protected-view token) naming the second demo tenant in the URL. */
    private static void forgeOrganizationInUrl(Browser browser) {
        var url = browser.driver().getCurrentUrl().replaceAll("[&?]organization=[^&]*", "");
        browser.driver().get(url + (url.contains("?") ? "&" : "?") + "organization=" + tenant2);
        browser.shows(MESSAGES, "Not found");
    }

    /** The page from its top, whichever field last scrolled it. */
    private static void screenshotFromTop(Browser browser, String name) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        browser.screenshot(name);
    }

    private static void closeDialog(Browser browser, String dialog) {
        browser.visible("[id$='" + dialog + "'] .ui-dialog-titlebar-close").click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[id$='" + dialog + "']")));
    }

    private static String cell(WebElement row, int column) {
        return row.findElements(By.tagName("td")).get(column).getText().strip();
    }

    private static String createOrganization(String prefix) throws Exception {
        var slug = prefix + unique();
        var created = api.post("/api/v1/organizations", bearer(adminKey),
                Json.createObjectBuilder().add("slug", slug).add("name", "People Portal Test").build());
        assertEquals(201, created.status(), () -> "create organization: " + created.body());
        return slug;
    }

    private static void createUserThroughApi(String organization, String username) throws Exception {
        createUserThroughApi(organization, username, "member");
    }

    private static void createUserThroughApi(String organization, String username, String role) throws Exception {
        var response = api.post("/api/v1/organizations/" + organization + "/users", bearer(adminKey),
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", PASSWORD)
                        .add("fullName", "Kim Keys")
                        .add("role", role)
                        .build());
        assertEquals(201, response.status(), () -> "create user: " + response.body());
    }

    private static List<JsonObject> tenantUsers(String organization) throws Exception {
        var response = api.get("/api/v1/organizations/" + organization + "/users", bearer(adminKey));
        assertEquals(200, response.status(), () -> "users: " + response.body());
        return response.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static void assertProblem(int status, ApiClient.Response response) {
        assertEquals(status, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(status, response.json().getInt("status"));
    }

    /** A suffix that keeps this run's names apart from every other test's. */
    private static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }
}
