package dev.meridian.migrations;

import static dev.meridian.migrations.Jdbc.asTenant;
import static dev.meridian.migrations.SqlStates.assertSqlState;
import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.strings;
import static dev.meridian.migrations.Jdbc.update;
import static dev.meridian.migrations.Jdbc.withoutContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read models: refreshed by the application role through meridian_refresh_read_models(), read by each
 * tenant only through the tenant-filtered views and function, and refreshed concurrently without blocking
 * readers or being blocked by them.
 */
class ReadModelsDatabaseTest {

    private static final long PATIENCE_SECONDS = 20;
    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();
    private static ExecutorService threads;
    private World world;

    @BeforeAll
    static void startThreads() {
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void arrange() throws SQLException {
        world = World.create(database);
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, """
                    INSERT INTO review (id, organization_id, place_id, user_id, rating)
                    VALUES (gen_random_uuid(), ?, ?, ?, 4), (gen_random_uuid(), ?, ?, ?, 5)""",
                    world.acme(), world.acmePlace(), world.alice(), world.acme(), world.acmePlace(), world.xavier());
        }
        refresh();
    }

    @Test
    void everyMaterializedViewHasAUniqueIndexForConcurrentRefresh() throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(List.of("location_typeahead", "map_aggregate", "place_typeahead"), strings(superuser, """
                    SELECT matviewname::text FROM pg_matviews WHERE schemaname = 'public' ORDER BY 1"""));
            assertEquals(List.of(), strings(superuser, """
                    SELECT matviewname::text FROM pg_matviews m WHERE schemaname = 'public' AND NOT EXISTS
                      (SELECT FROM pg_index i WHERE i.indrelid = format('%I.%I', m.schemaname, m.matviewname)::regclass
                       AND i.indisunique AND i.indpred IS NULL)"""));
        }
    }

    @Test
    void aTenantSeesOnlyItsOwnPlacesInTheReadModels() throws SQLException {
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertEquals(List.of("Acme Diner " + world.code() + ", Town " + world.code()), strings(app,
                    "SELECT label FROM tenant_place_typeahead WHERE id IN (?, ?)", world.acmePlace(),
                    world.globexPlace()));
            assertEquals(0, count(app, "SELECT count(*) FROM tenant_place_typeahead WHERE search_text LIKE 'globex%'"));
            assertEquals(List.of(world.acmePlace().toString()),
                    strings(app, "SELECT id FROM meridian_place_typeahead(?)", "acme diner " + world.code()));
            assertEquals(List.of(), strings(app, "SELECT id FROM meridian_place_typeahead(?)", "secret lab"),
                    "another tenant's place is not found by name");
            // the place, with its reviews, counts for its locality, county and state: 4.5 from 4 and 5
            assertEquals(List.of("locality 1 2 4.50", "county 1 2 4.50", "state 1 2 4.50"), strings(app, """
                    SELECT level || ' ' || places || ' ' || reviews || ' ' || average_rating FROM tenant_map_aggregate
                    WHERE location_id IN (?, ?, ?) ORDER BY level = 'state', level = 'county'""", world.locality(),
                    world.county(), world.state()));
            app.rollback();
        }
        try (var app = asTenant(database, world.globex(), world.bob())) {
            assertEquals(List.of(world.globexPlace().toString()), strings(app,
                    "SELECT id FROM tenant_place_typeahead WHERE id IN (?, ?)", world.acmePlace(),
                    world.globexPlace()));
            assertEquals(List.of(world.globexPlace().toString()),
                    strings(app, "SELECT id FROM meridian_place_typeahead(?)", "secret lab " + world.code()));
            assertEquals(List.of("1 0 null"), strings(app, """
                    SELECT places || ' ' || reviews || ' ' || coalesce(average_rating::text, 'null')
                    FROM tenant_map_aggregate WHERE location_id = ?""", world.locality()));
            app.rollback();
        }
        try (var app = withoutContext(database)) {
            assertEquals(0, count(app, "SELECT count(*) FROM tenant_place_typeahead"), "no context, no rows");
            assertEquals(0, count(app, "SELECT count(*) FROM tenant_map_aggregate"));
            assertEquals(0, count(app, "SELECT count(*) FROM meridian_place_typeahead('a')"));
            app.rollback();
        }
    }

    @Test
    void theApplicationReadsTenantReadModelsOnlyThroughTheirViews() throws SQLException {
        try (var app = asTenant(database, world.acme(), world.alice())) {
            assertSqlState("42501", app, "SELECT count(*) FROM place_typeahead");
            assertSqlState("42501", app, "SELECT count(*) FROM map_aggregate");
            assertSqlState("42501", app, "REFRESH MATERIALIZED VIEW CONCURRENTLY map_aggregate");
            app.rollback();
        }
        try (var readonly = database.connectAsReadonly()) {
            assertSqlState("42501", readonly, "SELECT count(*) FROM place_typeahead");
        }
    }

    @Test
    void locationTypeaheadHoldsGeographyForEveryone() throws SQLException {
        try (var app = withoutContext(database)) {
            assertEquals(List.of("Town " + world.code() + ", County " + world.code() + ", S" + world.code()),
                    strings(app, "SELECT label FROM location_typeahead WHERE id = ?", world.locality()));
            assertEquals(List.of(world.locality().toString()), strings(app,
                    "SELECT id FROM location_typeahead WHERE level = 'locality' AND search_text LIKE ?",
                    "%town " + world.code().toLowerCase() + "%"));
            app.rollback();
        }
    }

    @Test
    void refreshingLeavesTheCallersScopeAsItWas() throws SQLException {
        try (var app = asTenant(database, world.acme(), world.alice())) {
            strings(app, "SELECT meridian_refresh_read_models()::text");
            assertEquals(List.of("tenant"), strings(app, "SELECT current_setting('app.scope')"));
            assertEquals(0, count(app, "SELECT count(*) FROM place WHERE id = ?", world.globexPlace()));
            app.rollback();
        }
    }

    @Test
    void aConcurrentRefreshAndItsReadersDoNotWaitForEachOther() throws Exception {
        var fresh = UUID.randomUUID();
        addAcmePlace(fresh, "Fresh");
        var visible = "SELECT count(*) FROM tenant_place_typeahead WHERE id IN (?, ?, ?)";
        try (var reader = asTenant(database, world.acme(), world.alice())) {
            update(reader, "SET LOCAL lock_timeout = '10s'");
            assertEquals(1, count(reader, visible, world.acmePlace(), fresh, UUID.randomUUID()),
                    "not refreshed yet");
            // the reader's transaction stays open, holding its lock on the view: the refresh goes through
            within("a refresh while a transaction reads", () -> {
                refresh();
                return null;
            });
            assertEquals(2, count(reader, visible, world.acmePlace(), fresh, UUID.randomUUID()),
                    "the next statement sees the refreshed rows");
            reader.commit();
        }

        var later = UUID.randomUUID();
        addAcmePlace(later, "Later");
        try (var refresher = withoutContext(database)) {
            strings(refresher, "SELECT meridian_refresh_read_models()::text");
            // the refresh is done but not committed, its locks still held: a reader is not kept waiting
            var seen = within("a read while a refresh is open", () -> {
                try (var reader = asTenant(database, world.acme(), world.alice())) {
                    update(reader, "SET LOCAL lock_timeout = '10s'");
                    return count(reader, visible, world.acmePlace(), fresh, later);
                }
            });
            assertEquals(2, seen, "the reader sees the last committed refresh");
            refresher.commit();
        }
        try (var reader = asTenant(database, world.acme(), world.alice())) {
            assertEquals(3, count(reader, visible, world.acmePlace(), fresh, later));
            reader.rollback();
        }
    }

    private void addAcmePlace(UUID id, String name) throws SQLException {
        try (var superuser = database.connectAsSuperuser()) {
            World.place(superuser, id, world.acme(), world.locality(), name + " " + world.code());
        }
    }

    private static <T> T within(String what, Callable<T> work) throws Exception {
        var done = threads.submit(work);
        try {
            return done.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new AssertionError(what + " waited more than " + PATIENCE_SECONDS + " s: it was blocked", e);
        }
    }

    /** As the application role, with no tenant context: the function needs none. */
    private static void refresh() throws SQLException {
        try (Connection app = database.connectAsApplication()) {
            assertFalse(strings(app, "SELECT meridian_refresh_read_models()::text").isEmpty());
        }
    }
}
