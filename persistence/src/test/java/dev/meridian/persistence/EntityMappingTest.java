package dev.meridian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.meridian.migrations.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

/**
 * Every entity of the persistence unit against the migrated schema: its table exists, each mapped column
 * exists with a compatible type and the same nullability, and no NOT NULL column without a default is left
 * unmapped. Drift between entities and migrations fails the build here, not in production.
 */
class EntityMappingTest {

    /** PostgreSQL types a Java type (as EclipseLink binds it) may map to. */
    private static final Map<Class<?>, Set<String>> COMPATIBLE = Map.ofEntries(
            Map.entry(UUID.class, Set.of("uuid")),
            Map.entry(String.class, Set.of("text", "character varying", "jsonb", "daterange", "character")),
            Map.entry(Timestamp.class, Set.of("timestamp with time zone")),
            Map.entry(Long.class, Set.of("bigint")),
            Map.entry(long.class, Set.of("bigint")),
            Map.entry(Integer.class, Set.of("integer")),
            Map.entry(int.class, Set.of("integer")),
            Map.entry(Short.class, Set.of("smallint")),
            Map.entry(short.class, Set.of("smallint")),
            Map.entry(Boolean.class, Set.of("boolean")),
            Map.entry(boolean.class, Set.of("boolean")),
            Map.entry(BigDecimal.class, Set.of("numeric")),
            Map.entry(Double.class, Set.of("double precision")),
            Map.entry(double.class, Set.of("double precision")),
            Map.entry(LocalDate.class, Set.of("date")));

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();
    private static EntityManagerFactory units;

    /** The persistence unit's start-up migration hook has no MicroProfile Config here: the test migrated. */
    public static class NoMigration extends SessionEventAdapter {
    }

    @BeforeAll
    static void bootPersistenceUnit() {
        var properties = new HashMap<String, Object>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        properties.put("jakarta.persistence.jdbc.url",
                database.url() + (database.url().contains("?") ? "&" : "?") + "stringtype=unspecified");
        properties.put("jakarta.persistence.jdbc.user", database.owner());
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("eclipselink.session-event-listener", NoMigration.class.getName());
        properties.put("eclipselink.target-server", "None");
        units = Persistence.createEntityManagerFactory("meridian", properties);
        units.createEntityManager().close();
    }

    @AfterAll
    static void close() {
        if (units != null) {
            units.close();
        }
    }

    @Test
    void everyEntityMatchesItsTable() throws SQLException {
        var columns = columns();
        var problems = new ArrayList<String>();
        var entities = descriptors();
        assertTrue(entities.size() >= 8, "the persistence unit lists the entities: " + entities.size());
        for (var descriptor : entities) {
            var table = descriptor.getTableName();
            var tableColumns = columns.get(table);
            if (tableColumns == null) {
                problems.add(descriptor.getJavaClass().getSimpleName() + ": no table " + table);
                continue;
            }
            var mapped = new TreeSet<String>();
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                for (DatabaseField field : mapping.getFields()) {
                    mapped.add(field.getName());
                    var column = tableColumns.get(field.getName());
                    var where = descriptor.getJavaClass().getSimpleName() + "." + mapping.getAttributeName() + " ("
                            + table + "." + field.getName() + ")";
                    if (column == null) {
                        problems.add(where + ": no such column");
                        continue;
                    }
                    if (field.isNullable() != column.nullable()) {
                        problems.add(where + ": mapped " + (field.isNullable() ? "nullable" : "NOT NULL")
                                + ", column " + (column.nullable() ? "nullable" : "NOT NULL"));
                    }
                    if (mapping instanceof AbstractDirectMapping direct) {
                        var javaType = bound(direct);
                        var allowed = COMPATIBLE.get(javaType);
                        if (allowed == null || !allowed.contains(column.type())) {
                            problems.add(where + ": " + javaType.getSimpleName() + " mapped to " + column.type());
                        }
                    }
                }
            }
            tableColumns.forEach((name, column) -> {
                if (!mapped.contains(name) && !column.nullable() && !column.hasDefault()) {
                    problems.add(descriptor.getJavaClass().getSimpleName() + ": NOT NULL column " + table + "."
                            + name + " without default is not mapped");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    /** The Java type EclipseLink binds: the converter's database side where there is one. */
    private static Class<?> bound(AbstractDirectMapping mapping) {
        var field = mapping.getFieldClassification();
        return field != null ? field : mapping.getAttributeClassification();
    }

    private static List<ClassDescriptor> descriptors() {
        return JpaHelper.getServerSession(units).getDescriptors().values().stream()
                .filter(descriptor -> !descriptor.isAggregateDescriptor() && descriptor.getTableName() != null)
                .toList();
    }

    private record Column(String type, boolean nullable, boolean hasDefault) {
    }

    private static Map<String, Map<String, Column>> columns() throws SQLException {
        var tables = new HashMap<String, Map<String, Column>>();
        try (var connection = database.connectAsOwner();
                var rows = connection.createStatement().executeQuery("""
                        SELECT table_name, column_name, data_type, is_nullable = 'YES', column_default IS NOT NULL
                        FROM information_schema.columns WHERE table_schema = 'public'""")) {
            while (rows.next()) {
                tables.computeIfAbsent(rows.getString(1), table -> new HashMap<>())
                        .put(rows.getString(2), new Column(rows.getString(3), rows.getBoolean(4), rows.getBoolean(5)));
            }
        }
        return tables;
    }
}
