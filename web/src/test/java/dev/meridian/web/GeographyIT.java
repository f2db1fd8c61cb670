package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import dev.meridian.migrations.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * Locations, follows, preferences, recommendations and map aggregates over HTTP on Payara Micro, as clients
 * use them. Reference data (locations, seasons) and the places of a tenant are arranged in the database as
 * the platform would: the application role in platform scope. Every test creates its organizations, users,
 * locations and places under names of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GeographyIT {

    private static final String PASSWORD = "correct horse battery";
    private static final double KM_PER_DEGREE_OF_LATITUDE = 6371.0088 * Math.PI / 180;

    /** The test database as the application role: the type is on the container's classpath too. */
    private static PGSimpleDataSource data;

    @Deployment
    static WebArchive deployment() {
        var database = TestDatabase.createEmpty();
        data = database.dataSource(database.roles().appRole());
        return MeridianDeployment.create(database);
    }

    // ---- locations ----------------------------------------------------------------------------------------

    @Test
    void locationItsChildrenAndSeasonsAreReadByAnyCaller(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var tree = Tree.create();
        seasons(tree.county(), "winter 2027-01-01 2027-02-28", "spring 2027-03-01 2027-05-31");
        var caller = Tenant.create(api, "loc").memberKey();

        var county = api.get("locations/" + tree.county(), caller);
        assertEquals(200, county.status(), county::toString);
        assertEquals(tree.county().toString(), county.json().getString("id"));
        assertEquals(tree.state().toString(), county.json().getString("parentId"));
        assertEquals("county", county.json().getString("level"));
        assertEquals("America/Chicago", county.json().getString("timeZone"));

        var children = api.get("locations/" + tree.county() + "/children", caller);
        assertEquals(200, children.status(), children::toString);
        assertEquals(List.of(tree.localityNames()), names(children.json()));
        var second = api.get("locations/" + tree.county() + "/children?offset=1&limit=1", caller);
        assertEquals(List.of(tree.localityNames()[1]), names(second.json()), second::toString);

        var seasons = api.get("locations/" + tree.county() + "/seasons", caller);
        assertEquals(200, seasons.status(), seasons::toString);
        var items = seasons.json().getJsonArray("items");
        assertEquals(List.of("winter", "spring"), strings(items, "name"));
        assertEquals("2027-01-01", items.getJsonObject(0).getString("firstDay"));
        assertEquals("2027-02-28", items.getJsonObject(0).getString("lastDay"), "the last day is included");
        assertEquals(0, api.get("locations/" + tree.state() + "/seasons", caller).json().getJsonArray("items")
                .size());
    }

    @Test
    void unknownOrMalformedLocationIsNotFoundAndBadPagingIsABadRequest(@ArquillianResource URL base)
            throws SQLException {
        var api = new Api(base);
        var tree = Tree.create();
        var caller = Tenant.create(api, "loc").memberKey();

        api.get("locations/" + UUID.randomUUID(), caller).problem(404);
        api.get("locations/not-an-id", caller).problem(404);
        api.get("locations/" + UUID.randomUUID() + "/children", caller).problem(404);
        api.get("locations/" + UUID.randomUUID() + "/seasons", caller).problem(404);
        assertEquals("limit", field(api.get("locations/" + tree.state() + "/children?limit=1000", caller)));
        assertEquals("offset", field(api.get("locations/" + tree.state() + "/children?offset=-1", caller)));
        assertEquals("limit", field(api.get("locations/" + tree.state() + "/children?limit=many", caller)));
    }

    @Test
    void typeaheadAnswersNamesStartingWithTheQueryBeforeMerelySimilarOnes(@ArquillianResource URL base)
            throws SQLException {
        var api = new Api(base);
        var token = letters(10);
        var tree = Tree.create();
        var exact = location(tree.county(), "locality", capitalized(token));
        var longer = location(tree.county(), "locality", capitalized(token) + "burg");
        var similar = location(tree.county(), "locality", "Old " + capitalized(token));
        location(tree.county(), "locality", "Elsewhere " + letters(6));
        refreshReadModels();
        var caller = Tenant.create(api, "typeahead").memberKey();

        var reply = api.get("locations?q=" + token.toUpperCase(), caller);

        assertEquals(200, reply.status(), reply::toString);
        var items = reply.json().getJsonArray("items");
        assertEquals(List.of(exact.toString(), longer.toString(), similar.toString()), strings(items, "id"));
        assertEquals(capitalized(token) + ", " + tree.countyName() + ", " + tree.stateCode(),
                items.getJsonObject(0).getString("label"));
        assertEquals(List.of(exact.toString()), strings(api.get("locations?q=" + token + "&limit=1", caller).json()
                .getJsonArray("items"), "id"));
        assertEquals(similar.toString(), strings(api.get("locations?q=old%20" + token, caller).json()
                .getJsonArray("items"), "id").get(0), "now the one that starts with the query");
    }

    @Test
    void aRepeatedTypeaheadIsAnsweredFromMemoryForEveryTenant(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var token = letters(10);
        var tree = Tree.create();
        location(tree.county(), "locality", capitalized(token));
        refreshReadModels();
        var query = "locations?q=" + token;
        var one = Tenant.create(api, "typeahead").memberKey();
        var other = Tenant.create(api, "typeahead").memberKey();
        // the other tenant's key and plan are known from now on: its next request needs no statement for them
        assertEquals(200, api.get("me", other).status());

        var first = api.get(query, one);
        var again = api.get(query, other);

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.body(), again.body());
        assertTrue(first.statements() >= 1, first::toString);
        assertEquals(0, again.statements(), "another tenant's same query, from memory: " + again);
    }

    @Test
    void typeaheadRefusesAMissingQueryAndALimitOutOfRange(@ArquillianResource URL base) {
        var api = new Api(base);
        var caller = Tenant.create(api, "typeahead").memberKey();

        assertEquals("q", field(api.get("locations", caller)));
        assertEquals("q", field(api.get("locations?q=%20", caller)));
        assertEquals("limit", field(api.get("locations?q=spring&limit=51", caller)));
        assertEquals("limit", field(api.get("locations?q=spring&limit=0", caller)));
        assertEquals("limit", field(api.get("locations?q=spring&limit=ten", caller)));
    }

    // ---- follows ------------------------------------------------------------------------------------------

    @Test
    void followingIsIdempotentAndPrivateToTheFollower(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var tree = Tree.create();
        var acme = Tenant.create(api, "follow");
        var globex = Tenant.create(api, "follow");
        var alice = acme.adminKey();

        var first = api.send("PUT", "me/follows/" + tree.locality(), alice, null);
        assertEquals(201, first.status(), first::toString);
        var again = api.send("PUT", "me/follows/" + tree.locality(), alice, null);
        assertEquals(204, again.status(), again::toString);
        assertEquals(201, api.send("PUT", "me/follows/" + tree.state(), alice, null).status());

        var mine = api.get("me/follows", alice);
        assertEquals(200, mine.status(), mine::toString);
        var follows = mine.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, follows.size(), mine::toString);
        var followed = follows.stream().map(follow -> follow.getJsonObject("location").getString("id")).toList();
        assertTrue(followed.containsAll(List.of(tree.locality().toString(), tree.state().toString())),
                followed::toString);
        assertTrue(follows.stream().allMatch(follow -> follow.containsKey("followedAt")), mine::toString);

        // nobody else sees them: not a colleague, not another tenant
        assertEquals(0, items(api.get("me/follows", acme.memberKey())).size());
        var bob = globex.adminKey();
        assertEquals(0, items(api.get("me/follows", bob)).size());
        assertEquals(204, api.delete("me/follows/" + tree.locality(), bob).status(),
                "bob unfollows nothing of alice's");
        assertEquals(2, items(api.get("me/follows", alice)).size());

        assertEquals(204, api.delete("me/follows/" + tree.locality(), alice).status());
        assertEquals(204, api.delete("me/follows/" + tree.locality(), alice).status(), "idempotent");
        assertEquals(List.of(tree.state().toString()), items(api.get("me/follows", alice)).getValuesAs(JsonObject.class)
                .stream().map(follow -> follow.getJsonObject("location").getString("id")).toList());
    }

    @Test
    void followingAnUnknownLocationIsNotFoundAndNeedsAKey(@ArquillianResource URL base) {
        var api = new Api(base);
        var alice = Tenant.create(api, "follow").adminKey();

        api.send("PUT", "me/follows/" + UUID.randomUUID(), alice, null).problem(404);
        api.send("PUT", "me/follows/not-an-id", alice, null).problem(404);
        api.delete("me/follows/" + UUID.randomUUID(), alice).problem(404);
        assertEquals(0, items(api.get("me/follows", alice)).size(), "nothing written");
        api.get("me/follows", null).problem(401);
        api.send("PUT", "me/follows/" + UUID.randomUUID(), null, null).problem(401);
    }

    // ---- preferences --------------------------------------------------------------------------------------

    @Test
    void preferencesAreReplacedAsAWholeAndPrivateToTheirUser(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Tenant.create(api, "prefs");
        var globex = Tenant.create(api, "prefs");
        var alice = acme.adminKey();

        var set = api.send("PUT", "me/preferences", alice, """
                [{"category": "museum", "weight": 0.8}, {"category": "cafe", "weight": 0.25}]""");
        assertEquals(200, set.status(), set::toString);
        assertEquals(List.of("cafe", "museum"), strings(items(set), "category"));

        var replaced = api.send("PUT", "me/preferences", alice, """
                [{"category": "park", "weight": 1}, {"category": "cafe", "weight": 0}]""");
        assertEquals(200, replaced.status(), replaced::toString);
        var mine = items(api.get("me/preferences", alice));
        assertEquals(List.of("cafe", "park"), strings(mine, "category"), "museum is gone");
        assertEquals(0, mine.getJsonObject(0).getJsonNumber("weight").bigDecimalValue().signum());
        assertEquals(1, mine.getJsonObject(1).getJsonNumber("weight").intValue());

        assertEquals(0, items(api.get("me/preferences", acme.memberKey())).size(), "a colleague sees none");
        assertEquals(0, items(api.get("me/preferences", globex.adminKey())).size(), "another tenant sees none");
        assertEquals(200, api.send("PUT", "me/preferences", globex.adminKey(), "[]").status());
        assertEquals(2, items(api.get("me/preferences", alice)).size(), "another tenant's replace left them");
    }

    @Test
    void aFaultyPreferenceIsNamedAndNothingIsWritten(@ArquillianResource URL base) {
        var api = new Api(base);
        var alice = Tenant.create(api, "prefs").adminKey();
        assertEquals(200, api.send("PUT", "me/preferences", alice, "[{\"category\": \"bar\", \"weight\": 0.5}]")
                .status());

        assertEquals("[1].weight", field(api.send("PUT", "me/preferences", alice,
                "[{\"category\": \"cafe\", \"weight\": 0.5}, {\"category\": \"park\", \"weight\": 1.5}]")));
        assertEquals("[0].weight", field(api.send("PUT", "me/preferences", alice,
                "[{\"category\": \"cafe\", \"weight\": -0.1}]")));
        assertEquals("[0].weight", field(api.send("PUT", "me/preferences", alice, "[{\"category\": \"cafe\"}]")));
        assertEquals("[0].category", field(api.send("PUT", "me/preferences", alice,
                "[{\"category\": \"casino\", \"weight\": 0.5}]")));
        assertEquals("[0].category", field(api.send("PUT", "me/preferences", alice, "[{\"weight\": 0.5}]")));
        assertEquals("[1].category", field(api.send("PUT", "me/preferences", alice,
                "[{\"category\": \"cafe\", \"weight\": 0.5}, {\"category\": \"cafe\", \"weight\": 0.6}]")));
        api.send("PUT", "me/preferences", alice, "[{\"category\": \"cafe\", \"weight\": \"lots\"}]").problem(400);
        api.send("PUT", "me/preferences", alice, "{\"category\": \"cafe\", \"weight\": 0.5}").problem(400);
        api.send("PUT", "me/preferences", alice, "[{\"category\": ").problem(400);
        api.send("PUT", "me/preferences", alice, null).problem(400);

        var unchanged = items(api.get("me/preferences", alice));
        assertEquals(List.of("bar"), strings(unchanged, "category"), "no request wrote anything");
        api.get("me/preferences", null).problem(401);
        api.send("PUT", "me/preferences", null, "[]").problem(401);
    }

    // ---- recommendations ----------------------------------------------------------------------------------

    /**
     * Around (10, 20), radius 5 km, with alice's preferences cafe 1.0 and restaurant 0.5; places due north of the
     * point, so their distance is their latitude offset. By hand, score = 0.6·weight + 0.2·rating/5 + 0.1·log10(1
     * + reviews)/10 + 0.1·(1 − km/5):
     *
     * <pre>
     *   A cafe,       0 km, no reviews     0.6 + 0     + 0      + 0.1  = 0.7
     *   E cafe,       4 km, rating 1 (1)   0.6 + 0.04  + 0.0030 + 0.02 = 0.6630
     *   B restaurant, 2.5 km, rating 5 (2) 0.3 + 0.2   + 0.0048 + 0.05 = 0.5548
     *   C museum,     1 km, rating 5 (1)   0   + 0.2   + 0.0030 + 0.08 = 0.2830
     *   D bar,        6 km                 beyond the radius
     * </pre>
     *
     * Another tenant's five-star cafe at the point itself never shows. Carol, without preferences, gets C
     * (0.283), B (0.2548), A (0.1), E (0.063).
     */
    @Test
    void recommendationsRankTheTenantsPlacesNearThePointByTheFormula(@ArquillianResource URL base)
            throws SQLException {
        var api = new Api(base);
        var tree = Tree.create();
        var acme = Tenant.create(api, "recommend");
        var globex = Tenant.create(api, "recommend");
        var alice = acme.adminKey();
        var lat = 10.0;
        var lng = 20.0;
        var a = place(acme, tree.locality(), "cafe", lat, lng);
        var e = place(acme, tree.locality(), "cafe", lat + 4 / KM_PER_DEGREE_OF_LATITUDE, lng);
        var b = place(acme, tree.locality(), "restaurant", lat + 2.5 / KM_PER_DEGREE_OF_LATITUDE, lng);
        var c = place(acme, tree.locality(), "museum", lat + 1 / KM_PER_DEGREE_OF_LATITUDE, lng);
        place(acme, tree.locality(), "bar", lat + 6 / KM_PER_DEGREE_OF_LATITUDE, lng);
        var foreign = place(globex, tree.locality(), "cafe", lat, lng);
        review(acme, acme.adminId(), e, 1);
        review(acme, acme.adminId(), b, 5);
        review(acme, acme.memberId(), b, 5);
        review(acme, acme.adminId(), c, 5);
        review(globex, globex.adminId(), foreign, 5);
        assertEquals(200, api.send("PUT", "me/preferences", alice, """
                [{"category": "cafe", "weight": 1}, {"category": "restaurant", "weight": 0.5}]""").status());

        var reply = api.get("recommendations?lat=" + lat + "&lng=" + lng, alice);

        assertEquals(200, reply.status(), reply::toString);
        var items = items(reply);
        assertEquals(List.of(a.toString(), e.toString(), b.toString(), c.toString()), strings(items, "id"));
        var top = items.getJsonObject(0);
        assertEquals(0.7, top.getJsonNumber("score").doubleValue(), 1e-9);
        assertEquals(0, top.getJsonNumber("distanceKm").doubleValue(), 1e-9);
        assertEquals("cafe", top.getString("category"));
        assertEquals(0.6630, items.getJsonObject(1).getJsonNumber("score").doubleValue(), 1e-4);
        assertEquals(0.5548, items.getJsonObject(2).getJsonNumber("score").doubleValue(), 1e-4);
        assertEquals(2.5, items.getJsonObject(2).getJsonNumber("distanceKm").doubleValue(), 1e-6);
        assertEquals(2, items.getJsonObject(2).getInt("ratingsTotal"));
        assertEquals(0.2830, items.getJsonObject(3).getJsonNumber("score").doubleValue(), 1e-4);

        // without preferences the colleague ranks by rating, popularity and distance alone
        var carol = api.get("recommendations?lat=" + lat + "&lng=" + lng + "&radius_km=5&limit=2", acme.memberKey());
        assertEquals(List.of(c.toString(), b.toString()), strings(items(carol), "id"), carol::toString);
        // a wider circle takes in the bar
        assertEquals(5, items(api.get("recommendations?lat=" + lat + "&lng=" + lng + "&radius_km=7", alice)).size());
        var openApi = api.get("/openapi", null).body();
        assertTrue(openApi.contains("log10(1 + ratingsTotal)"), "the formula is documented");
    }

    @Test
    void recommendationsRefuseMalformedOrMissingParameters(@ArquillianResource URL base) {
        var api = new Api(base);
        var alice = Tenant.create(api, "recommend").adminKey();

        assertEquals("lat", field(api.get("recommendations?lng=20", alice)));
        assertEquals("lng", field(api.get("recommendations?lat=10", alice)));
        assertEquals("lat", field(api.get("recommendations?lat=north&lng=20", alice)));
        assertEquals("lat", field(api.get("recommendations?lat=91&lng=20", alice)));
        assertEquals("lng", field(api.get("recommendations?lat=10&lng=-181", alice)));
        assertEquals("lng", field(api.get("recommendations?lat=10&lng=NaN", alice)));
        assertEquals("radius_km", field(api.get("recommendations?lat=10&lng=20&radius_km=0", alice)));
        assertEquals("radius_km", field(api.get("recommendations?lat=10&lng=20&radius_km=500", alice)));
        assertEquals("limit", field(api.get("recommendations?lat=10&lng=20&limit=0", alice)));
        assertEquals("limit", field(api.get("recommendations?lat=10&lng=20&limit=1.5", alice)));
        api.get("recommendations?lat=10&lng=20", null).problem(401);
    }

    // ---- map aggregates -----------------------------------------------------------------------------------

    @Test
    void mapAggregatesShowTheCallersPlacesPerLevel(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var tree = Tree.create();
        var acme = Tenant.create(api, "map");
        var globex = Tenant.create(api, "map");
        var first = place(acme, tree.locality(), "park", 40, -89);
        place(acme, tree.locality(), "shop", 40.01, -89);
        place(globex, tree.locality(), "shop", 40.02, -89);
        review(acme, acme.adminId(), first, 4);
        review(acme, acme.memberId(), first, 1);
        refreshReadModels();

        var alice = acme.adminKey();
        for (var level : List.of("states", "counties", "localities")) {
            var reply = api.get("map/" + level, alice);
            assertEquals(200, reply.status(), reply::toString);
            var areas = items(reply).getValuesAs(JsonObject.class);
            assertEquals(1, areas.size(), () -> level + ": only the areas of acme's places: " + reply);
            var area = areas.get(0);
            assertEquals(2, area.getInt("places"), reply::toString);
            assertEquals(2, area.getInt("reviews"), reply::toString);
            assertEquals(2.5, area.getJsonNumber("averageRating").doubleValue(), 1e-9, reply::toString);
        }
        assertEquals(tree.state().toString(), items(api.get("map/states", alice)).getJsonObject(0)
                .getString("locationId"));
        assertEquals(tree.locality().toString(), items(api.get("map/localities", alice)).getJsonObject(0)
                .getString("locationId"));
        var theirs = items(api.get("map/counties", globex.adminKey())).getJsonObject(0);
        assertEquals(1, theirs.getInt("places"));
        assertFalse(theirs.containsKey("averageRating"), "no reviews, no average: " + theirs);

        api.get("map/continents", alice).problem(404);
        api.get("map/states", null).problem(401);
        assertEquals(0, items(api.get("map/states", Tenant.create(api, "map").adminKey())).size(),
                "an organization without places has no map");
    }

    // ---- arranging data -------------------------------------------------------------------------------------

    /** An organization with an admin and a member, created through the API by the platform admin. */
    record Tenant(String slug, UUID id, UUID adminId, String adminKey, UUID memberId, String memberKey) {

        static Tenant create(Api api, String name) {
            var platform = Api.bearer(api.issueKey(MeridianDeployment.ADMIN_USERNAME,
                    MeridianDeployment.ADMIN_PASSWORD).getString("key"));
            var slug = unique(name);
            var created = api.post("organizations", platform, Json.createObjectBuilder().add("slug", slug)
                    .add("name", "Organization " + slug).build());
            assertEquals(201, created.status(), created::toString);
            var admin = user(api, platform, slug, "admin");
            var member = user(api, platform, slug, "member");
            return new Tenant(slug, UUID.fromString(created.json().getString("id")), admin.id(), admin.key(),
                    member.id(), member.key());
        }

        private record Someone(UUID id, String key) {
        }

        private static Someone user(Api api, String platform, String slug, String role) {
            var username = unique(slug + "-" + role);
            var created = api.post("organizations/" + slug + "/users", platform, Json.createObjectBuilder()
                    .add("username", username).add("password", PASSWORD).add("fullName", "User " + username)
                    .add("role", role).build());
            assertEquals(201, created.status(), created::toString);
            return new Someone(UUID.fromString(created.json().getString("id")),
                    Api.bearer(api.issueKey(username, PASSWORD).getString("key")));
        }
    }

    /** A state with one county and two localities in it, under fresh codes and names. */
    record Tree(UUID state, String stateCode, UUID county, String countyName, UUID locality, String[] localityNames) {

        static Tree create() throws SQLException {
            var code = letters(8);
            var stateCode = "S" + code;
            var state = location(null, "state", "State " + code, stateCode);
            var countyName = "County " + code;
            var county = location(state, "county", countyName, "C" + code);
            var names = new String[]{"Aville " + code, "Btown " + code};
            var locality = location(county, "locality", names[0]);
            location(county, "locality", names[1]);
            return new Tree(state, stateCode, county, countyName, locality, names);
        }
    }

    private static UUID location(UUID parent, String level, String name) throws SQLException {
        return location(parent, level, name, "L" + letters(12));
    }

    private static UUID location(UUID parent, String level, String name, String code) throws SQLException {
        var id = UUID.randomUUID();
        asPlatform(connection -> update(connection, """
                INSERT INTO location (id, parent_id, level, code, name, lat, lng, time_zone)
                VALUES (?, ?, ?, ?, ?, 39.8, -89.6, 'America/Chicago')""", id, parent, level, code, name));
        return id;
    }

    /** Seasons as "name first-day last-day". */
    private static void seasons(UUID location, String... seasons) throws SQLException {
        asPlatform(connection -> {
            for (var season : seasons) {
                var parts = season.split(" ");
                update(connection, """
                        INSERT INTO season (id, location_id, name, during)
                        VALUES (?, ?, ?, daterange(?::date, ?::date, '[]'))""", UUID.randomUUID(), location,
                        parts[0], parts[1], parts[2]);
            }
        });
    }

    private static UUID place(Tenant tenant, UUID location, String category, double lat, double lng)
            throws SQLException {
        var id = UUID.randomUUID();
        asPlatform(connection -> update(connection, """
                INSERT INTO place (id, organization_id, location_id, category_id, name, lat, lng)
                VALUES (?, ?, ?, (SELECT id FROM category WHERE code = ?), ?, ?, ?)""", id, tenant.id(), location,
                category, category + " " + letters(6), lat, lng));
        return id;
    }

    private static void review(Tenant tenant, UUID user, UUID place, int rating) throws SQLException {
        asPlatform(connection -> update(connection, """
                INSERT INTO review (id, organization_id, place_id, user_id, rating)
                VALUES (?, ?, ?, ?, ?)""", UUID.randomUUID(), tenant.id(), place, user, rating));
    }

    private static void refreshReadModels() throws SQLException {
        asPlatform(connection -> connection.createStatement().execute("SELECT meridian_refresh_read_models()"));
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** One transaction of the application role in platform scope, as the platform's own writes run. */
    private static void asPlatform(Work work) throws SQLException {
        try (var connection = data.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("SELECT set_config('app.scope', 'platform', true)");
            work.run(connection);
            connection.commit();
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    // ---- reading answers ------------------------------------------------------------------------------------

    private static JsonArray items(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items");
    }

    private static List<String> strings(JsonArray items, String field) {
        return items.getValuesAs(JsonObject.class).stream().map(item -> item.getString(field)).toList();
    }

    private static List<String> names(JsonObject page) {
        return strings(page.getJsonArray("items"), "name");
    }

    /** The one field a 400 problem names. */
    private static String field(Api.Reply reply) {
        var errors = reply.problem(400).getJsonArray("errors");
        assertEquals(1, errors.size(), reply::toString);
        return errors.getJsonObject(0).getString("field");
    }

    private static String unique(String name) {
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** Random lower-case letters: names no other test's typeahead query matches. */
    private static String letters(int count) {
        var random = new Random();
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
