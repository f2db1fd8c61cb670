package dev.meridian.migrations;

import static dev.meridian.migrations.Jdbc.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Test data arranged as the superuser, behind row-level security's back: two tenants, Acme (users Alice and
 * Xavier) and Globex (user Bob), a state → county → locality chain, and one place per tenant in the locality.
 * Every id and code is fresh, so tests never meet each other's rows.
 */
record World(UUID acme, UUID globex, UUID alice, UUID xavier, UUID bob, UUID state, UUID county, UUID locality,
        UUID acmePlace, UUID globexPlace) {

    static final String FREE_PLAN = "00000000-0000-4000-8000-000000000001";
    static final UUID RESTAURANT = UUID.fromString("00000000-0000-4000-8002-000000000001");
    static final UUID CAFE = UUID.fromString("00000000-0000-4000-8002-000000000002");

    static World create(TestDatabase database) throws SQLException {
        var world = new World(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        try (var superuser = database.connectAsSuperuser()) {
            world.tenant(superuser, world.acme, world.alice, world.xavier);
            world.tenant(superuser, world.globex, world.bob);
            var code = world.state.toString().substring(0, 8);
            location(superuser, world.state, null, "state", "S" + code, "State " + code);
            location(superuser, world.county, world.state, "county", "C" + code, "County " + code);
            location(superuser, world.locality, world.county, "locality", "L" + code, "Town " + code);
            place(superuser, world.acmePlace, world.acme, world.locality, "Acme Diner " + code);
            place(superuser, world.globexPlace, world.globex, world.locality, "Globex Secret Lab " + code);
        }
        return world;
    }

    /** The short code all of this world's names carry, e.g. "Town 1a2b3c4d". */
    String code() {
        return state.toString().substring(0, 8);
    }

    private void tenant(Connection connection, UUID organization, UUID... users) throws SQLException {
        var slug = "org-" + organization.toString().substring(0, 8);
        update(connection, "INSERT INTO organization (id, slug, name, plan_id) VALUES (?, ?, ?, ?::uuid)",
                organization, slug, slug, FREE_PLAN);
        for (var user : users) {
            update(connection, """
                    INSERT INTO app_user (id, organization_id, username, password_hash, full_name, role)
                    VALUES (?, ?, ?, 'x', 'Someone', 'member')""", user, organization,
                    "u" + user.toString().substring(0, 8));
        }
    }

    static void location(Connection connection, UUID id, UUID parent, String level, String code, String name)
            throws SQLException {
        update(connection, """
                INSERT INTO location (id, parent_id, level, code, name, lat, lng, time_zone)
                VALUES (?, ?, ?, ?, ?, 39.8, -89.6, 'America/Chicago')""", id, parent, level, code, name);
    }

    static void place(Connection connection, UUID id, UUID organization, UUID location, String name)
            throws SQLException {
        update(connection, """
                INSERT INTO place (id, organization_id, location_id, category_id, name, lat, lng)
                VALUES (?, ?, ?, ?, ?, 39.8, -89.65)""", id, organization, location, RESTAURANT, name);
    }
}
