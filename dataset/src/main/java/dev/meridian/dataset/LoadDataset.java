package dev.meridian.dataset;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Loads the synthetic dataset into a migrated, empty Meridian database: {@code LoadDataset [places] [seed]},
 * connecting to {@code DATABASE_URL} as {@code DATASET_USER} (default {@code postgres}; a superuser, since
 * the load switches triggers off) with {@code DATASET_PASSWORD}.
 */
public final class LoadDataset {

    private LoadDataset() {
    }

    public static void main(String[] args) throws SQLException {
        int places = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        var url = System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/meridian");
        var user = System.getenv().getOrDefault("DATASET_USER", "postgres");
        var password = System.getenv().getOrDefault("DATASET_PASSWORD", "");
        try (var connection = DriverManager.getConnection(url, user, password)) {
            var summary = new SyntheticDataset(places, seed).loadInto(connection);
            System.out.printf("""
                    Loaded into %s (seed %d) in %.1f s:
                      locations      %,12d
                      organizations  %,12d
                      users          %,12d
                      places         %,12d
                      reviews        %,12d
                      preferences    %,12d
                      follows        %,12d
                    """, url, seed, summary.took().toMillis() / 1000.0, summary.locations(), summary.organizations(),
                    summary.users(), summary.places(), summary.reviews(), summary.preferences(), summary.follows());
        }
    }
}
