package dev.meridian.migrations;

import static dev.meridian.migrations.Jdbc.asPlatform;
import static dev.meridian.migrations.Jdbc.asTenant;
import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.update;
import static dev.meridian.migrations.SqlStates.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;

/**
 * Row-level security of the tenancy tables, as the application role sees it through plain JDBC. Every denial
 * is proved beside its grant: a hidden row is zero rows, a forbidden write is an error or zero rows. The
 * rules every table and policy must keep (forced RLS, once-per-statement context, indexed policy columns, an
 * application role that owns nothing) are checked for all tables by {@link RowLevelSecurityLinterTest}.
 */
class TenancyRowLevelSecurityTest {

    private static final String FREE_PLAN = "00000000-0000-4000-8000-000000000001";
    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();

    private UUID acme;
    private UUID globex;
    private UUID alice;
    private UUID bob;

    @BeforeEach
    void twoTenantsWithOneUserAndKeyEach() throws SQLException {
        acme = UUID.randomUUID();
        globex = UUID.randomUUID();
        alice = UUID.randomUUID();
        bob = UUID.randomUUID();
        try (var superuser = database.connectAsSuperuser()) {
            insertTenant(superuser, acme, alice);
            insertTenant(superuser, globex, bob);
        }
    }

    private static void insertTenant(Connection connection, UUID organization, UUID user) throws SQLException {
        var slug = "org-" + organization.toString().substring(0, 8);
        update(connection, "INSERT INTO organization (id, slug, name, plan_id) VALUES (?, ?, ?, ?::uuid)",
                organization, slug, slug, FREE_PLAN);
        update(connection, """
                INSERT INTO app_user (id, organization_id, username, password_hash, full_name, role)
                VALUES (?, ?, ?, 'x', 'Someone', 'admin')""", user, organization,
                "u" + user.toString().substring(0, 8));
        update(connection, """
                INSERT INTO api_key (id, organization_id, user_id, name, prefix, secret_hash)
                VALUES (?, ?, ?, 'k', ?, repeat('a', 64))""", UUID.randomUUID(), organization, user,
                organization.toString().replace("-", "").substring(0, 12));
    }

    @Test
    void withoutContextTheApplicationSeesNoTenantRows() throws SQLException {
        try (var app = database.connectAsApplication()) {
            for (var table : List.of("organization", "app_user", "api_key", "user_permission")) {
                assertEquals(0, count(app, "SELECT count(*) FROM " + table), table);
            }
            assertTrue(count(app, "SELECT count(*) FROM plan") >= 3, "reference data stays readable");
            assertEquals(0, update(app, "UPDATE app_user SET full_name = 'x'"), "no context, no writes");
        }
    }

    @Test
    void aTenantReadsOnlyItsOwnRows() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, count(app, "SELECT count(*) FROM app_user WHERE id = ?", alice));
            assertEquals(0, count(app, "SELECT count(*) FROM app_user WHERE id = ?", bob));
            assertEquals(1, count(app, "SELECT count(*) FROM organization WHERE id = ?", acme));
            assertEquals(0, count(app, "SELECT count(*) FROM organization WHERE id = ?", globex));
            assertEquals(1, count(app, "SELECT count(*) FROM api_key WHERE organization_id = ?", acme));
            assertEquals(0, count(app, "SELECT count(*) FROM api_key WHERE organization_id = ?", globex));
            app.rollback();
        }
    }

    @Test
    void aTenantInsertsOnlyIntoItsOwnOrganization() throws SQLException {
        var insert = """
                INSERT INTO app_user (id, organization_id, username, password_hash, full_name, role)
                VALUES (?, ?, ?, 'x', 'New', 'member')""";
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, insert, UUID.randomUUID(), acme, "new-" + acme.toString().substring(0, 8)));
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            var denied = assertThrows(PSQLException.class,
                    () -> update(app, insert, UUID.randomUUID(), globex, "evil-" + acme.toString().substring(0, 8)));
            assertEquals("42501", denied.getSQLState(), denied.getMessage());
            app.rollback();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(1, count(superuser, "SELECT count(*) FROM app_user WHERE organization_id = ?", globex));
        }
    }

    @Test
    void aTenantUpdatesOnlyItsOwnRows() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, "UPDATE app_user SET full_name = 'Renamed' WHERE id = ?", alice));
            assertEquals(0, update(app, "UPDATE app_user SET full_name = 'Hijacked' WHERE id = ?", bob));
            assertThrows(PSQLException.class,
                    () -> update(app, "UPDATE app_user SET organization_id = ? WHERE id = ?", globex, alice),
                    "moving a row into another tenant violates the policy's WITH CHECK");
            app.rollback();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, "UPDATE api_key SET name = 'renamed' WHERE organization_id = ?", acme));
            assertEquals(0, update(app, "UPDATE api_key SET name = 'hijacked' WHERE organization_id = ?", globex));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("Someone"), strings(superuser, "SELECT full_name FROM app_user WHERE id = ?", bob));
            assertEquals(List.of("k"),
                    strings(superuser, "SELECT name FROM api_key WHERE organization_id = ?", globex));
            assertEquals(List.of("renamed"), strings(superuser, "SELECT name FROM api_key WHERE organization_id = ?",
                    acme));
        }
    }

    @Test
    void aTenantDeletesOnlyItsOwnRows() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(0, update(app, "DELETE FROM api_key WHERE organization_id = ?", globex));
            assertEquals(0, update(app, "DELETE FROM app_user WHERE id = ?", bob));
            assertEquals(1, update(app, "DELETE FROM api_key WHERE organization_id = ?", acme));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(1, count(superuser, "SELECT count(*) FROM api_key WHERE organization_id = ?", globex));
            assertEquals(1, count(superuser, "SELECT count(*) FROM app_user WHERE id = ?", bob));
            assertEquals(0, count(superuser, "SELECT count(*) FROM api_key WHERE organization_id = ?", acme));
        }
    }

    @Test
    void onlyPlatformScopeCreatesOrganizations() throws SQLException {
        var insert = "INSERT INTO organization (id, slug, name, plan_id) VALUES (?, ?, 'New', ?::uuid)";
        try (var app = asTenant(database, acme, alice)) {
            assertThrows(PSQLException.class, () -> update(app, insert, UUID.randomUUID(), "tenant-made", FREE_PLAN));
            app.rollback();
        }
        try (var app = asPlatform(database)) {
            var id = UUID.randomUUID();
            assertEquals(1, update(app, insert, id, "p-" + id.toString().substring(0, 8), FREE_PLAN));
            assertTrue(count(app, "SELECT count(*) FROM organization WHERE id IN (?, ?)", acme, globex) == 2,
                    "platform scope sees every tenant");
            app.rollback();
        }
    }

    @Test
    void onlyPlatformScopeDeletesAnOrganizationAndOnlyOneWithoutUsers() throws SQLException {
        var delete = "DELETE FROM organization WHERE id = ?";
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(0, update(app, delete, acme), "a tenant never deletes itself");
            app.rollback();
        }
        try (var app = asPlatform(database)) {
            assertSqlState("23503", app, delete, globex);
            // a user goes with their keys (cascade), after which the emptied organization goes too
            assertEquals(1, update(app, "DELETE FROM app_user WHERE id = ?", bob));
            assertEquals(0, count(app, "SELECT count(*) FROM api_key WHERE organization_id = ?", globex));
            assertEquals(1, update(app, delete, globex));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(1, count(superuser, "SELECT count(*) FROM organization WHERE id = ?", acme));
            assertEquals(List.of("platform"), strings(superuser, "SELECT scope FROM change_log"
                    + " WHERE table_name = 'organization' AND operation = 'DELETE' AND row_id = ?", globex));
        }
    }

    @Test
    void aTenantRenamesOnlyItselfAndNeverChangesWhatThePlatformDecides() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, update(app, "UPDATE organization SET name = 'Acme Renamed' WHERE id = ?", acme));
            assertEquals(0, update(app, "UPDATE organization SET name = 'Hijacked' WHERE id = ?", globex));
            app.commit();
        }
        for (var platformsDecision : List.of("plan_id = '00000000-0000-4000-8000-000000000003'", "active = false",
                "slug = 'renamed-" + acme.toString().substring(0, 8) + "'")) {
            try (var app = asTenant(database, acme, alice)) {
                var denied = assertThrows(PSQLException.class,
                        () -> update(app, "UPDATE organization SET " + platformsDecision + " WHERE id = ?", acme));
                assertEquals("42501", denied.getSQLState(), platformsDecision);
                app.rollback();
            }
        }
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, "UPDATE organization SET active = false, plan_id = ?::uuid WHERE id = ?",
                    "00000000-0000-4000-8000-000000000003", globex));
            app.commit();
        }
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("Acme Renamed|true|" + FREE_PLAN), strings(superuser,
                    "SELECT name || '|' || active || '|' || plan_id FROM organization WHERE id = ?", acme));
            assertEquals(List.of("false|00000000-0000-4000-8000-000000000003"), strings(superuser,
                    "SELECT active || '|' || plan_id FROM organization WHERE id = ?", globex));
        }
    }

    @Test
    void plansAreReadByAllAndWrittenOnlyInPlatformScope() throws SQLException {
        var code = "p-" + acme.toString().substring(0, 8);
        var insert = """
                INSERT INTO plan (id, code, name, monthly_request_quota, requests_per_minute, price_per_thousand_calls)
                VALUES (?, ?, 'Test plan', 1000, 10, 1.5)""";
        try (var app = asTenant(database, acme, alice)) {
            assertThrows(PSQLException.class, () -> update(app, insert, UUID.randomUUID(), code));
            app.rollback();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(0, update(app, "UPDATE plan SET price_per_thousand_calls = 0 WHERE id = ?::uuid", FREE_PLAN));
            app.rollback();
        }
        var id = UUID.randomUUID();
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, insert, id, code));
            assertEquals(1, update(app, "UPDATE plan SET requests_per_minute = 20 WHERE id = ?", id));
            app.commit();
        }
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(List.of("20"), strings(app, "SELECT requests_per_minute FROM plan WHERE id = ?", id));
            app.rollback();
        }
    }

    @Test
    void aSettingDoesNotOutliveItsTransaction() throws SQLException {
        try (var app = asTenant(database, acme, alice)) {
            assertEquals(1, count(app, "SELECT count(*) FROM app_user"));
            app.commit();
            // the same connection, as a pool would hand it to the next request
            assertEquals(0, count(app, "SELECT count(*) FROM app_user"));
            assertEquals(List.of(""), strings(app, "SELECT coalesce(current_setting('app.tenant_id', true), '')"));
            app.rollback();
        }
    }

    @Test
    void credentialLookupsCrossTenantsOnlyForTheirOwnDuration() throws SQLException {
        var username = asSuperuser("SELECT username FROM app_user WHERE id = '" + bob + "'").get(0);
        try (var app = database.connectAsApplication()) {
            assertEquals(List.of(globex.toString()),
                    strings(app, "SELECT organization_id::text FROM meridian_login_lookup(?)", username));
            assertEquals(0, count(app, "SELECT count(*) FROM app_user"), "the platform scope ended with the call");
            var prefix = globex.toString().replace("-", "").substring(0, 12);
            assertEquals(List.of(bob.toString()), strings(app,
                    "SELECT user_id::text FROM meridian_api_key_authenticate(?, repeat('a', 64))", prefix));
            assertEquals(List.of(), strings(app,
                    "SELECT user_id::text FROM meridian_api_key_authenticate(?, repeat('b', 64))", prefix),
                    "a wrong secret finds nothing");
            assertEquals(0, count(app, "SELECT count(*) FROM api_key"), "the platform scope ended with the call");
        }
    }

    @Test
    void aDeactivatedOrganizationsKeysNoLongerAuthenticateAndItsUsersNoLongerSignIn() throws SQLException {
        var prefix = globex.toString().replace("-", "").substring(0, 12);
        var username = asSuperuser("SELECT username FROM app_user WHERE id = '" + bob + "'").get(0);
        try (var app = asPlatform(database)) {
            assertEquals(1, update(app, "UPDATE organization SET active = false WHERE id = ?", globex));
            app.commit();
        }
        try (var app = database.connectAsApplication()) {
            assertEquals(List.of(), strings(app,
                    "SELECT user_id::text FROM meridian_api_key_authenticate(?, repeat('a', 64))", prefix));
            assertEquals(List.of("f"), strings(app, "SELECT active FROM meridian_login_lookup(?)", username));
        }
    }

    @Test
    void aResetTokenNamesItsUserOnlyWhileUnspentUnexpiredAndTheUserActive() throws SQLException {
        var usable = "1".repeat(64);
        var spent = "2".repeat(64);
        var expired = "3".repeat(64);
        try (var superuser = database.connectAsSuperuser()) {
            var insert = """
                    INSERT INTO password_reset_token (id, organization_id, user_id, token_hash, expires_at, used_at)
                    VALUES (?, ?, ?, ?, now() + ?::interval, CASE WHEN ? THEN now() END)""";
            update(superuser, insert, UUID.randomUUID(), globex, bob, usable, "1 hour", false);
            update(superuser, insert, UUID.randomUUID(), globex, bob, spent, "1 hour", true);
            update(superuser, insert, UUID.randomUUID(), globex, bob, expired, "-1 second", false);
        }
        var lookup = "SELECT user_id::text FROM meridian_password_reset_lookup(?)";
        try (var app = database.connectAsApplication()) {
            assertEquals(List.of(bob.toString()), strings(app, lookup, usable));
            assertEquals(0, count(app, "SELECT count(*) FROM password_reset_token"),
                    "the platform scope ended with the call");
            assertEquals(List.of(), strings(app, lookup, spent), "a spent token");
            assertEquals(List.of(), strings(app, lookup, expired), "an expired token");
            assertEquals(List.of(), strings(app, lookup, "4".repeat(64)), "an unknown token");
        }
        try (var app = asTenant(database, globex, bob)) {
            assertEquals(1, update(app, "UPDATE app_user SET active = false WHERE id = ?", bob));
            app.commit();
        }
        try (var app = database.connectAsApplication()) {
            assertEquals(List.of(), strings(app, lookup, usable), "a deactivated user's token");
        }
    }

    private static List<String> asSuperuser(String sql) throws SQLException {
        try (var connection = database.connectAsSuperuser()) {
            return strings(connection, sql);
        }
    }
}
