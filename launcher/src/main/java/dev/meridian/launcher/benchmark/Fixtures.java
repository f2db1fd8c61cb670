package dev.meridian.launcher.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the benchmark asks for, picked from the loaded dataset as a superuser before the run: the user with
 * the most reviews and their organization, some of that organization's places (by id, and as points to
 * recommend around), and prefixes of location names to type ahead. The same values drive the API clients and
 * pgbench.
 */
record Fixtures(UUID organizationId, UUID userId, String username, List<UUID> placeIds, List<double[]> points,
        List<String> prefixes) {

    private static final int SAMPLES = 100;

    static Fixtures load(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            UUID organization;
            UUID author;
            String username;
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("""
                            SELECT r.organization_id, r.user_id, u.username
                            FROM (SELECT organization_id, user_id, count(*) AS reviews FROM review
                                  GROUP BY organization_id, user_id ORDER BY reviews DESC LIMIT 1) r
                            JOIN app_user u ON u.id = r.user_id""")) {
                if (!rows.next()) {
                    throw new IllegalStateException("no reviews in " + url + ": load the dataset first (README)");
                }
                organization = rows.getObject(1, UUID.class);
                author = rows.getObject(2, UUID.class);
                username = rows.getString(3);
            }
            var ids = new ArrayList<UUID>();
            var points = new ArrayList<double[]>();
            try (var statement = connection.prepareStatement("""
                    SELECT id, lat, lng FROM place TABLESAMPLE SYSTEM (1) REPEATABLE (42)
                    WHERE organization_id = ? LIMIT ?""")) {
                statement.setObject(1, organization);
                statement.setInt(2, SAMPLES);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                        points.add(new double[]{rows.getDouble(2), rows.getDouble(3)});
                    }
                }
            }
            var prefixes = new ArrayList<String>();
            try (var statement = connection.prepareStatement("""
                    SELECT DISTINCT lower(left(name, 3)) FROM location WHERE length(name) >= 3
                    ORDER BY 1 LIMIT ?""")) {
                statement.setInt(1, SAMPLES);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        prefixes.add(rows.getString(1));
                    }
                }
            }
            return new Fixtures(organization, author, username, List.copyOf(ids), List.copyOf(points),
                    List.copyOf(prefixes));
        }
    }
}
