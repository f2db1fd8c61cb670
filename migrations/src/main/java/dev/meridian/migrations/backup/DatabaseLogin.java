package dev.meridian.migrations.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.postgresql.Driver;

/**
 * Where a database is and who logs in to it, from a JDBC URL: for JDBC connections, and as the host, port and
 * database name that {@code pg_dump} and {@code pg_restore} take (libpq reads no JDBC URL).
 */
public record DatabaseLogin(String url, String user, Optional<String> password) {

    public DatabaseLogin {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (Driver.parseURL(url, new Properties()) == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
    }

    public String host() {
        return parsed().getProperty("PGHOST");
    }

    public String port() {
        return parsed().getProperty("PGPORT");
    }

    public String database() {
        return parsed().getProperty("PGDBNAME");
    }

    /** The same server and login, another database on it. */
    public DatabaseLogin on(String database) {
        var query = url.indexOf('?');
        var withoutQuery = query < 0 ? url : url.substring(0, query);
        return new DatabaseLogin(withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + database
                + (query < 0 ? "" : url.substring(query)), user, password);
    }

    public Connection connect() throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(secret -> properties.setProperty("password", secret));
        return DriverManager.getConnection(url, properties);
    }

    private Properties parsed() {
        return Driver.parseURL(url, new Properties());
    }

    @Override
    public String toString() {
        // never the password
        return user + "@" + url;
    }
}
