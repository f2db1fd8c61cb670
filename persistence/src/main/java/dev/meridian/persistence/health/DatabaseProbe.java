package dev.meridian.persistence.health;

import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Asks the database, through the application's pool, which schema version it holds. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe {

    @Resource(lookup = "java:app/jdbc/meridian")
    DataSource dataSource;

    /** The newest applied migration version; throws when the database does not answer in time. */
    public Optional<String> appliedVersion(int timeoutSeconds) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT version FROM flyway_schema_history"
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            statement.setQueryTimeout(timeoutSeconds);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
