package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The places and reviews routes on Payara Micro, over HTTP as clients use them. Rows the API has no route for
 * (locations, permissions) are seeded, and what a request wrote or left alone (places, reviews, change
 * events) is checked, straight in the test's database as its superuser. Every test creates the organizations,
 * users, keys, locations and places it needs under names of its own.
 */
@ExtendWith(ArquillianExtension.class)
class PlacesIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** The deployment's own settings, where the test finds its database. */
    private static Properties settings;

    @Deployment
    static WebArchive deployment() {
        var archive = MeridianDeployment.create();
        settings = new Properties();
        try (InputStream in = archive.get("WEB-INF/classes/META-INF/microprofile-config.properties").getAsset()
                .openStream()) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archive;
    }

    // ---- places: create, read, replace, delete ----------------------------------------------------------

    @Test
    @RunAsClient
    void adminCreatesReadsReplacesAndDeletesAPlaceEachChangeRecordingAnEvent(@ArquillianResource URL base)
            throws SQLException {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var location = location();
        var otherLocation = location();

        var created = api.post("places", acme.admin(), place("Blue Bottle", location)
                .add("category", "cafe").add("openingHours", Json.createObjectBuilder().add("mon", "08-18"))
                .add("types", Json.createArrayBuilder().add("coffee").add("takeaway")).build());
        assertEquals(201, created.status(), created::toString);
        var place = created.json();
        var id = place.getString("id");
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/v1/places/" + id), created::toString);
        assertEquals("Blue Bottle", place.getString("name"));
        assertEquals("cafe", place.getString("category"));
        assertEquals(location.toString(), place.getString("locationId"));
        assertEquals("08-18", place.getJsonObject("openingHours").getString("mon"));
        assertEquals(0, place.getInt("ratingsTotal"));
        assertFalse(place.containsKey("rating"), "no rating before a review");

        var read = api.get("places/" + id, acme.member());
        assertEquals(200, read.status(), read::toString);
        assertEquals(place.getString("name"), read.json().getString("name"));
        assertEquals(List.of("coffee", "takeaway"), strings(read.json(), "types"));

        var replaced = api.send("PUT", "places/" + id, acme.admin(),
                place("Blue Bottle Coffee", otherLocation).add("category", "bar").build().toString());
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("Blue Bottle Coffee", replaced.json().getString("name"));
        assertEquals("bar", replaced.json().getString("category"));
        assertFalse(replaced.json().containsKey("openingHours"), "a replacement clears what it leaves out");

        var unchanged = api.send("PUT", "places/" + id, acme.admin(),
                place("Blue Bottle Coffee", otherLocation).add("category", "bar").build().toString());
        assertEquals(200, unchanged.status(), unchanged::toString);

        assertEquals(204, api.delete("places/" + id, acme.admin()).status());
        api.get("places/" + id, acme.admin()).problem(404);

        try (var db = database()) {
            assertEquals(List.of("created", "updated", "deleted"),
                    column(db, "SELECT kind FROM change_event WHERE subject_id = ?::uuid AND organization_id = ?::uuid"
                            + " ORDER BY created_at", id, acme.id()),
                    "one event per change, none for a replacement that changed nothing");
            var changed = column(db, "SELECT payload->>'changed' FROM change_event WHERE subject_id = ?::uuid"
                    + " AND kind = 'updated'", id).get(0);
            for (var field : List.of("name", "category", "locationId", "openingHours", "types")) {
                assertTrue(changed.contains("\"" + field + "\""), changed);
            }
            assertFalse(changed.contains("\"lat\""), changed);
            assertEquals(List.of(otherLocation.toString()),
                    column(db, "SELECT location_id::text FROM change_event WHERE subject_id = ?::uuid"
                            + " AND kind = 'deleted'", id),
                    "followers of the place's location hear of it");
        }
    }

    @Test
    @RunAsClient
    void membersAndViewersWritePlacesOnlyWithThePlacesWritePermission(@ArquillianResource URL base)
            throws SQLException {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var location = location();
        var id = createPlace(api, acme.admin(), place("Town Hall", location).build());

        api.post("places", acme.member(), place("By member", location).build()).problem(403);
        api.post("places", acme.viewer(), place("By viewer", location).build()).problem(403);
        api.send("PUT", "places/" + id, acme.member(), place("Renamed", location).build().toString()).problem(403);
        api.send("PATCH", "places/" + id, acme.member(), "{\"name\": \"Renamed\"}", MERGE_PATCH).problem(403);
        api.delete("places/" + id, acme.viewer()).problem(403);
        assertEquals("Town Hall", api.get("places/" + id, acme.viewer()).json().getString("name"));
        assertEquals(200, api.get("places", acme.viewer()).status());

        try (var db = database()) {
            update(db, """
                    INSERT INTO user_permission (id, organization_id, user_id, permission_id)
                    SELECT gen_random_uuid(), u.organization_id, u.id, p.id FROM app_user u, permission p
                    WHERE u.username = ? AND p.code = 'places.write'""", acme.memberName());
        }
        assertEquals(201, api.post("places", acme.member(), place("By member", location).build()).status());
        assertEquals(200, api.send("PUT", "places/" + id, acme.member(), place("Renamed", location).build()
                .toString()).status());
        assertEquals(204, api.delete("places/" + id, acme.member()).status());
    }

    // ---- merge patch ---------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void mergePatchChangesWhatItNamesRemovesWhatItNullsAndMergesObjects(@ArquillianResource URL base)
            throws SQLException {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var location = location();
        var id = createPlace(api, acme.admin(), place("Old Mill", location).add("description", "A mill")
                .add("category", "museum").add("externalRef", "mill-1")
                .add("openingHours", Json.createObjectBuilder().add("mon", "9-17").add("sun", "10-16")).build());

        var patched = api.send("PATCH", "places/" + id, acme.admin(),
                "{\"name\": \"New Mill\", \"description\": null, \"openingHours\": {\"sun\": null, \"tue\": \"9-17\"}}",
                MERGE_PATCH);

        assertEquals(200, patched.status(), patched::toString);
        var place = patched.json();
        assertEquals("New Mill", place.getString("name"));
        assertFalse(place.containsKey("description"), place::toString);
        assertEquals("museum", place.getString("category"));
        assertEquals("mill-1", place.getString("externalRef"));
        assertEquals(Json.createObjectBuilder().add("mon", "9-17").add("tue", "9-17").build(),
                place.getJsonObject("openingHours"));
        assertEquals(place, api.get("places/" + id, acme.admin()).json(), "what the patch answered is stored");

        // a merge patch is JSON Merge Patch: plain JSON is another media type
        api.send("PATCH", "places/" + id, acme.admin(), "{\"name\": \"x\"}").problem(415);
        try (var db = database()) {
            assertEquals(List.of("[\"name\", \"description\", \"openingHours\"]"),
                    column(db, "SELECT payload->>'changed' FROM change_event WHERE subject_id = ?::uuid"
                            + " AND kind = 'updated'", id));
        }
    }

    // ---- search and keyset paging ----------------------------------------------------------------------------

    @Test
    @RunAsClient
    void searchPagesByNameAcrossPagesFollowingTheNextLink(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var globex = Org.create(api, "globex");
        var location = location();
        var names = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf");
        for (var name : List.of("Golf", "Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha")) {
            createPlace(api, acme.admin(), place(name, location).build());
        }
        createPlace(api, globex.admin(), place("Alpha", location).build());

        var seen = new ArrayList<String>();
        var path = "places?limit=3";
        int pages = 0;
        while (path != null) {
            var page = api.get(path, acme.member());
            assertEquals(200, page.status(), page::toString);
            seen.addAll(values(page.json(), "name"));
            pages++;
            var next = page.header("Link");
            if (page.json().isNull("nextCursor")) {
                assertTrue(next.isEmpty(), page::toString);
                path = null;
            } else {
                var link = next.orElseThrow(() -> new AssertionError("no Link: " + page));
                assertTrue(link.endsWith("; rel=\"next\""), link);
                assertTrue(link.contains("cursor=" + page.json().getString("nextCursor")), link);
                path = link.substring(link.indexOf("/api/v1/") + "/api/v1/".length(), link.indexOf('>'));
            }
        }
        assertEquals(names, seen, "every place once, by name, and none of another tenant's");
        assertEquals(3, pages);

        api.get("places?cursor=bm9wZQ", acme.member()).problem(400);
    }

    @Test
    @RunAsClient
    void searchFiltersByTextCategoryBoundingBoxAndDistance(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var location = location();
        // along a meridian, about 11 km apart
        createPlace(api, acme.admin(), place("Joe's Pizza", location, 40.0, -75.0).add("category", "restaurant")
                .build());
        createPlace(api, acme.admin(), place("PIZZA 100%", location, 40.1, -75.0).add("category", "restaurant")
                .build());
        createPlace(api, acme.admin(), place("Corner Cafe", location, 40.2, -75.0).add("category", "cafe").build());
        createPlace(api, acme.admin(), place("Far Away Cafe", location, 45.0, 10.0).add("category", "cafe").build());

        assertEquals(List.of("Joe's Pizza", "PIZZA 100%"), names(api, acme.member(), "places?q=pizza"));
        assertEquals(List.of("PIZZA 100%"), names(api, acme.member(), "places?q=" + encode("0%")),
                "% is a character, not a wildcard");
        assertEquals(List.of("Corner Cafe", "Far Away Cafe"), names(api, acme.member(), "places?category=cafe"));
        assertEquals(List.of("Corner Cafe", "PIZZA 100%"),
                names(api, acme.member(), "places?bbox=" + encode("-75.5,40.05,-74.5,40.5")));
        assertEquals(List.of("Corner Cafe"),
                names(api, acme.member(), "places?category=cafe&bbox=" + encode("-75.5,40.05,-74.5,40.5")));
        assertEquals(List.of(), names(api, acme.member(), "places?category=no-such-category"));

        // nearest first, a page at a time, within the radius
        var near = "places?near=" + encode("40.21,-75.0") + "&radius_km=20&limit=1";
        var first = api.get(near, acme.member());
        assertEquals(200, first.status(), first::toString);
        var nearest = first.json().getJsonArray("items").getJsonObject(0);
        assertEquals("Corner Cafe", nearest.getString("name"));
        assertTrue(nearest.getJsonNumber("distanceKm").doubleValue() < 2, nearest::toString);
        var second = api.get(near + "&cursor=" + first.json().getString("nextCursor"), acme.member());
        assertEquals(List.of("PIZZA 100%"), values(second.json(), "name"));
        assertTrue(second.json().isNull("nextCursor"), "Joe's Pizza is 23 km away, outside the radius: " + second);
        assertEquals(List.of("Corner Cafe", "PIZZA 100%", "Joe's Pizza"),
                names(api, acme.member(), "places?near=" + encode("40.21,-75.0") + "&radius_km=30"));
        // a cursor of the name order means nothing in the distance order
        var byName = api.get("places?limit=1", acme.member()).json().getString("nextCursor");
        api.get(near + "&cursor=" + byName, acme.member()).problem(400);
    }

    // ---- reviews -----------------------------------------------------------------------------------------------

    @Test
    @RunAsClient
    void reviewsKeepThePlacesRatingAndAreTheirAuthorsToReplaceOrWithdraw(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var id = createPlace(api, acme.admin(), place("Museum", location()).build());

        var first = api.send("PUT", "places/" + id + "/review", acme.member(), review(5, "Superb").toString());
        assertEquals(201, first.status(), first::toString);
        assertEquals(5, first.json().getInt("rating"));
        assertEquals("Superb", first.json().getString("text"));
        assertEquals(id, first.json().getString("placeId"));
        assertEquals(201, api.send("PUT", "places/" + id + "/review", acme.admin(), review(2, null).toString())
                .status());
        assertRating(api, acme, id, "3.50", 2);

        var replaced = api.send("PUT", "places/" + id + "/review", acme.member(), review(4, "Good").toString());
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals(first.json().getString("id"), replaced.json().getString("id"), "one review per user");
        assertRating(api, acme, id, "3.00", 2);

        api.send("PUT", "places/" + id + "/review", acme.viewer(), review(1, "No").toString()).problem(403);
        var listed = api.get("places/" + id + "/reviews", acme.viewer());
        assertEquals(200, listed.status(), listed::toString);
        assertEquals(List.of(2, 4), listed.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getInt("rating")).toList(), "newest first: a replacement keeps its creation time");

        assertEquals(204, api.delete("places/" + id + "/review", acme.member()).status());
        api.delete("places/" + id + "/review", acme.member()).problem(404);
        assertRating(api, acme, id, "2.00", 1);
    }

    @Test
    @RunAsClient
    void myReviewsComeNewestFirstAPageAtATimeAndOnlyMine(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var location = location();
        var reviewed = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var id = createPlace(api, acme.admin(), place("Place " + i, location).build());
            assertEquals(201, api.send("PUT", "places/" + id + "/review", acme.member(), review(1 + i, "r" + i)
                    .toString()).status());
            assertEquals(201, api.send("PUT", "places/" + id + "/review", acme.admin(), review(3, null).toString())
                    .status());
            reviewed.add(0, id);
        }

        var seen = new ArrayList<String>();
        var page = api.get("me/reviews?limit=2", acme.member());
        while (true) {
            assertEquals(200, page.status(), page::toString);
            seen.addAll(values(page.json(), "placeId"));
            if (page.json().isNull("nextCursor")) {
                break;
            }
            page = api.get("me/reviews?limit=2&cursor=" + page.json().getString("nextCursor"), acme.member());
        }
        assertEquals(reviewed, seen, "my five reviews, newest first, none of the admin's");
        api.get("me/reviews?limit=0", acme.member()).problem(400);
        api.get("me/reviews?limit=many", acme.member()).problem(400);
    }

    /** The benchmark routes send the same statements whatever the page size: nothing is read a row at a time. */
    @Test
    @RunAsClient
    void aPageCostsTheSameStatementsWhateverItsSize(@ArquillianResource URL base) {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var location = location();
        String place = null;
        for (int i = 0; i < 6; i++) {
            place = createPlace(api, acme.admin(), place("Counted " + i, location).build());
            assertEquals(201, api.send("PUT", "places/" + place + "/review", acme.member(), review(4, "r" + i)
                    .toString()).status());
        }
        for (var route : List.of("me/reviews?limit=%d", "places?limit=%d", "places/" + place + "/reviews?limit=%d")) {
            int one = statements(api.get(route.formatted(1), acme.member()));
            int six = statements(api.get(route.formatted(6), acme.member()));
            assertEquals(one, six, route + ": statements for one row and for six");
            assertTrue(six >= 1 && six <= 3, route + ": " + six + " statements");
        }
        assertEquals(1, statements(api.get("places/" + place, acme.member())),
                "the context settings travel with the place's query: one round trip");
    }

    private static int statements(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.statements();
    }

    // ---- other tenants, malformed input -----------------------------------------------------------------------

    @Test
    @RunAsClient
    void anotherTenantsPlaceIsNotFoundOnEveryRouteAndNothingChanges(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var globex = Org.create(api, "globex");
        var location = location();
        var id = createPlace(api, acme.admin(), place("Secret Garden", location).add("category", "park").build());
        assertEquals(201, api.send("PUT", "places/" + id + "/review", acme.member(), review(4, "Quiet").toString())
                .status());
        var before = api.get("places/" + id, acme.admin()).json();
        var body = place("Taken over", location).build().toString();

        for (var intruder : List.of(globex.admin(), globex.member())) {
            api.get("places/" + id, intruder).problem(404);
            api.send("PUT", "places/" + id, intruder, body).problem(404);
            api.send("PATCH", "places/" + id, intruder, "{\"name\": \"Taken over\"}", MERGE_PATCH).problem(404);
            api.delete("places/" + id, intruder).problem(404);
            api.get("places/" + id + "/reviews", intruder).problem(404);
            api.send("PUT", "places/" + id + "/review", intruder, review(1, "Bad").toString()).problem(404);
            api.delete("places/" + id + "/review", intruder).problem(404);
            assertEquals(List.of(), names(api, intruder, "places?q=secret"));
            assertEquals(List.of(), names(api, intruder, "places?near=" + encode("40.0,-75.0") + "&radius_km=50"));
            assertEquals(List.of(), values(api.get("me/reviews", intruder).json(), "placeId"));
        }

        assertEquals(before, api.get("places/" + id, acme.admin()).json(), "nothing changed");
        try (var db = database()) {
            assertEquals(List.of("1"), column(db, "SELECT count(*)::text FROM review WHERE place_id = ?::uuid", id));
            assertEquals(List.of("created"), column(db, "SELECT kind FROM change_event WHERE subject_id = ?::uuid",
                    id));
            assertEquals(List.of("0"), column(db, "SELECT count(*)::text FROM place WHERE organization_id = ?::uuid",
                    globex.id()));
        }
    }

    @Test
    @RunAsClient
    void malformedInputIsAProblemNamingTheFieldAndWritesNothing(@ArquillianResource URL base) throws SQLException {
        var api = new Api(base);
        var acme = Org.create(api, "acme");
        var location = location();
        var id = createPlace(api, acme.admin(), place("Fixed Point", location).add("description", "as it was")
                .build());
        var before = api.get("places/" + id, acme.admin()).json();
        var admin = acme.admin();

        assertField("name", api.post("places", admin, place("", location).build()));
        assertField("lat", api.post("places", admin, place("Pole", location, 91, 0).build()));
        assertField("lng", api.post("places", admin, place("Edge", location, 0, -181).build()));
        assertField("category", api.post("places", admin, place("X", location).add("category", "Not A Code").build()));
        assertField("category", api.post("places", admin, place("X", location).add("category", "spaceport").build()));
        assertField("locationId", api.post("places", admin, place("X", UUID.randomUUID()).build()));
        assertField("locationId", api.post("places", admin, place("X", location).add("locationId", "nowhere").build()));
        assertField("description", api.post("places", admin, place("X", location)
                .add("description", "x".repeat(4001)).build()));
        assertField("types", api.post("places", admin, place("X", location)
                .add("types", Json.createArrayBuilder().add("Not Valid")).build()));
        assertField("types", api.post("places", admin, place("X", location)
                .add("types", Json.createArrayBuilder().addNull()).build()));
        api.post("places", admin, place("X", location).add("openingHours", Json.createArrayBuilder().add(1)).build())
                .problem(400);
        api.send("POST", "places", admin, "{\"name\": \"X\", \"lat\": ").problem(400);
        api.send("POST", "places", admin, null).problem(400);

        assertField("name", api.send("PUT", "places/" + id, admin, place(" ", location).build().toString()));
        api.send("PUT", "places/" + id, admin, "[1, 2]").problem(400);
        assertField("lat", api.send("PATCH", "places/" + id, admin, "{\"lat\": 200}", MERGE_PATCH));
        assertField("name", api.send("PATCH", "places/" + id, admin, "{\"name\": null}", MERGE_PATCH));
        api.send("PATCH", "places/" + id, admin, "[\"name\"]", MERGE_PATCH).problem(400);
        api.send("PATCH", "places/" + id, admin, "{\"name\": ", MERGE_PATCH).problem(400);

        assertField("rating", api.send("PUT", "places/" + id + "/review", admin, review(0, "x").toString()));
        assertField("rating", api.send("PUT", "places/" + id + "/review", admin, review(6, "x").toString()));
        assertField("rating", api.send("PUT", "places/" + id + "/review", admin, "{\"text\": \"no rating\"}"));
        assertField("text", api.send("PUT", "places/" + id + "/review", admin,
                review(3, "x".repeat(4001)).toString()));

        assertField("bbox", api.get("places?bbox=1,2,3", admin));
        assertField("bbox", api.get("places?bbox=" + encode("10,50,-10,40"), admin));
        assertField("near", api.get("places?near=north", admin));
        assertField("radius_km", api.get("places?near=" + encode("40,-75") + "&radius_km=0", admin));
        assertField("radius_km", api.get("places?radius_km=5", admin));
        assertField("limit", api.get("places?limit=101", admin));
        assertField("cursor", api.get("places?cursor=" + encode("%%%"), admin));
        assertField("cursor", api.get("places/" + id + "/reviews?cursor=abc", admin));
        api.get("places/not-an-id", admin).problem(404);

        assertEquals(before, api.get("places/" + id, acme.admin()).json(), "the place is as it was");
        try (var db = database()) {
            assertEquals(List.of("1"), column(db, "SELECT count(*)::text FROM place WHERE organization_id = ?::uuid",
                    acme.id()), "no other place was created");
            assertEquals(List.of("0"), column(db, "SELECT count(*)::text FROM review WHERE place_id = ?::uuid", id));
            assertEquals(List.of("created"), column(db, "SELECT kind FROM change_event WHERE organization_id = ?::uuid",
                    acme.id()));
        }
    }

    @Test
    @RunAsClient
    void openApiDocumentDescribesThePlacesRoutes(@ArquillianResource URL base) {
        var document = new Api(base).get("/openapi", null);

        assertEquals(200, document.status(), document::toString);
        for (var route : List.of("/api/v1/places/{id}/review", "/api/v1/places/{id}/reviews", "/api/v1/me/reviews")) {
            assertTrue(document.body().contains(route), route);
        }
        assertTrue(document.body().contains(MERGE_PATCH), "the merge patch media type");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** An organization with an admin, a member and a viewer, and a key for each. */
    record Org(String id, String slug, String admin, String member, String viewer, String memberName) {

        static Org create(Api api, String name) {
            var platform = Api.bearer(api.issueKey(MeridianDeployment.ADMIN_USERNAME, MeridianDeployment.ADMIN_PASSWORD)
                    .getString("key"));
            var slug = unique(name);
            var organization = api.post("organizations", platform, Json.createObjectBuilder().add("slug", slug)
                    .add("name", "Organization " + slug).build());
            assertEquals(201, organization.status(), organization::toString);
            var keys = new ArrayList<String>();
            var usernames = new ArrayList<String>();
            for (var role : List.of("admin", "member", "viewer")) {
                var username = unique(name + "-" + role);
                var created = api.post("organizations/" + slug + "/users", platform, Json.createObjectBuilder()
                        .add("username", username).add("password", PASSWORD).add("fullName", "User " + username)
                        .add("role", role).build());
                assertEquals(201, created.status(), created::toString);
                keys.add(Api.bearer(api.issueKey(username, PASSWORD).getString("key")));
                usernames.add(username);
            }
            return new Org(organization.json().getString("id"), slug, keys.get(0), keys.get(1), keys.get(2),
                    usernames.get(1));
        }
    }

    private static String unique(String name) {
        return name + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static JsonObjectBuilder place(String name, UUID location) {
        return place(name, location, 40.0, -75.0);
    }

    private static JsonObjectBuilder place(String name, UUID location, double lat, double lng) {
        return Json.createObjectBuilder().add("name", name).add("lat", lat).add("lng", lng)
                .add("locationId", location.toString());
    }

    private static JsonObject review(int rating, String text) {
        var review = Json.createObjectBuilder().add("rating", rating);
        if (text != null) {
            review.add("text", text);
        }
        return review.build();
    }

    private static String createPlace(Api api, String key, JsonObject place) {
        var created = api.post("places", key, place);
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private static void assertRating(Api api, Org org, String id, String rating, int total) {
        var place = api.get("places/" + id, org.viewer()).json();
        assertEquals(rating, place.getJsonNumber("rating").bigDecimalValue().setScale(2).toPlainString(),
                place::toString);
        assertEquals(total, place.getInt("ratingsTotal"));
    }

    private static void assertField(String field, Api.Reply reply) {
        var errors = reply.problem(400).getJsonArray("errors");
        assertNotNull(errors, reply::toString);
        assertTrue(errors.getValuesAs(JsonObject.class).stream().anyMatch(error -> field.equals(error.getString(
                "field"))), () -> "no error for " + field + ": " + reply);
    }

    private static List<String> names(Api api, String key, String path) {
        var reply = api.get(path, key);
        assertEquals(200, reply.status(), reply::toString);
        return values(reply.json(), "name");
    }

    private static List<String> values(JsonObject page, String field) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(item -> item.getString(field))
                .toList();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonValue.class).stream()
                .map(value -> ((jakarta.json.JsonString) value).getString()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A new state of the shared geography, which has no API route yet. */
    private static UUID location() {
        var id = UUID.randomUUID();
        try (var db = database()) {
            update(db, """
                    INSERT INTO location (id, level, code, name, lat, lng, time_zone)
                    VALUES (?::uuid, 'state', ?, ?, 40.0, -75.0, 'America/New_York')""", id.toString(),
                    "S" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()), "State " + id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** The deployment's database as its superuser, which row-level security does not restrict. */
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(settings.getProperty("DATABASE_URL"), "postgres", "");
    }

    private static void update(Connection db, String sql, String... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<String> column(Connection db, String sql, String... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            var values = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
