package dev.meridian.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The RLS linter: rules every migration must keep, checked on a migrated database, each failure naming every
 * offender. Each rule is proved able to fail: a {@code ...CanFail} test builds deliberately bad objects in a
 * transaction it rolls back, and asserts the rule reports exactly those.
 * <ol>
 * <li>a table with {@code organization_id} or {@code user_id} (or the tenant table itself) has RLS enabled
 * and forced; partitions too, because a partition can be queried directly, bypassing its parent's policies
 * (enabled and forced without a policy of its own, it shows nothing but through its parent);</li>
 * <li>a policy reads {@code current_setting} only inside a sub-SELECT, so it is evaluated once per
 * statement;</li>
 * <li>every tenant or user column a policy reads ({@code organization_id}, {@code user_id}, {@code id}), and
 * every {@code organization_id} and {@code user_id} of a table under RLS, leads an index;</li>
 * <li>a view that reads an RLS table, directly or through other views, is {@code security_invoker} or
 * {@code security_barrier}; a materialized view, which can be neither, is not readable by the application
 * role. Tables whose policies let everyone read every row (reference data) don't count: a view over them
 * hides nothing;</li>
 * <li>the application role owns nothing, is no superuser, cannot bypass RLS, create roles or databases, and
 * is no member of a role that owns tables or has those powers.</li>
 * </ol>
 */
class RowLevelSecurityLinterTest {

    /** Schemas a migration may create objects in: all but the system's. */
    private static final String USER_SCHEMA = "%s::regnamespace::text !~ '^(pg_|information_schema$)'";

    private static final String TABLES_WITHOUT_FORCED_RLS = """
            SELECT c.oid::regclass::text FROM pg_class c
            WHERE %s AND c.relkind IN ('r', 'p')
              AND c.oid IS DISTINCT FROM to_regclass('public.flyway_schema_history')
              AND (c.relname = 'organization'
                   OR EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND NOT a.attisdropped
                              AND a.attname IN ('organization_id', 'user_id')))
              AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            ORDER BY 1""".formatted(USER_SCHEMA.formatted("c.relnamespace"));

    private static final String POLICIES = """
            SELECT schemaname || '.' || tablename || '.' || policyname, coalesce(qual, ''), coalesce(with_check, '')
            FROM pg_policies ORDER BY 1""";

    private static final String UNINDEXED_POLICY_COLUMNS = """
            WITH policy_column AS (
              -- the columns each policy's expressions read, of its own table or of tables its sub-SELECTs read
              SELECT d.refobjid AS rel, d.refobjsubid AS attnum FROM pg_policy p
              JOIN pg_depend d ON d.classid = 'pg_policy'::regclass AND d.objid = p.oid
                               AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
              JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
              WHERE a.attname IN ('organization_id', 'user_id', 'id')
              UNION
              SELECT a.attrelid, a.attnum FROM pg_class c
              JOIN pg_attribute a ON a.attrelid = c.oid AND NOT a.attisdropped
                                 AND a.attname IN ('organization_id', 'user_id')
              WHERE %s AND c.relkind IN ('r', 'p') AND c.relrowsecurity
            )
            SELECT pc.rel::regclass || '.' || a.attname FROM policy_column pc
            JOIN pg_attribute a ON a.attrelid = pc.rel AND a.attnum = pc.attnum
            WHERE NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = pc.rel AND i.indkey[0] = pc.attnum
                                                       AND i.indpred IS NULL AND i.indisvalid)
            ORDER BY 1""".formatted(USER_SCHEMA.formatted("c.relnamespace"));

    private static final String UNPROTECTED_VIEWS = """
            WITH RECURSIVE reads (view, rel) AS (
              SELECT r.ev_class, d.refobjid FROM pg_rewrite r
              JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                               AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
              UNION
              SELECT reads.view, d.refobjid FROM reads
              JOIN pg_rewrite r ON r.ev_class = reads.rel
              JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                               AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
            ), hiding AS (
              -- RLS tables whose policies hide rows from someone: not readable by all through a USING (true)
              SELECT c.oid FROM pg_class c WHERE c.relrowsecurity AND NOT (
                EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid AND p.polpermissive
                          AND p.polcmd IN ('r', '*') AND p.polroles = '{0}'
                          AND pg_get_expr(p.polqual, p.polrelid) = 'true')
                AND NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid AND NOT p.polpermissive
                                  AND p.polcmd IN ('r', '*')))
            )
            SELECT v.oid::regclass || CASE v.relkind WHEN 'm' THEN ' (materialized, readable by the application)'
                                                     ELSE '' END
            FROM pg_class v
            WHERE %s AND v.relkind IN ('v', 'm')
              AND EXISTS (SELECT FROM reads JOIN hiding ON hiding.oid = reads.rel WHERE reads.view = v.oid)
              AND CASE v.relkind
                    WHEN 'v' THEN NOT EXISTS (SELECT FROM unnest(v.reloptions) o
                                              WHERE o ~* '^security_(invoker|barrier)=(true|on|yes|1)$')
                    ELSE has_table_privilege(?, v.oid, 'SELECT') END
            ORDER BY 1""".formatted(USER_SCHEMA.formatted("v.relnamespace"));

    private static final String APPLICATION_ROLE_POWERS = """
            WITH app AS (SELECT oid FROM pg_roles WHERE rolname = ?)
            SELECT 'owns relation ' || oid::regclass FROM pg_class WHERE relowner IN (SELECT oid FROM app)
            UNION ALL
            SELECT 'owns function ' || oid::regprocedure FROM pg_proc WHERE proowner IN (SELECT oid FROM app)
            UNION ALL
            SELECT 'owns type ' || t.oid::regtype FROM pg_type t WHERE t.typowner IN (SELECT oid FROM app)
              AND t.typrelid = 0 AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
            UNION ALL
            SELECT 'owns schema ' || nspname FROM pg_namespace WHERE nspowner IN (SELECT oid FROM app)
            UNION ALL
            SELECT 'owns database ' || datname FROM pg_database WHERE datdba IN (SELECT oid FROM app)
            UNION ALL
            SELECT 'is ' || power FROM pg_roles r, LATERAL (VALUES
                ('superuser', r.rolsuper), ('bypassrls', r.rolbypassrls),
                ('createrole', r.rolcreaterole), ('createdb', r.rolcreatedb)) AS p (power, granted)
            WHERE r.oid IN (SELECT oid FROM app) AND granted
            UNION ALL
            SELECT 'is member of ' || r.rolname FROM pg_roles r, app
            WHERE r.oid <> app.oid AND pg_has_role(app.oid, r.oid, 'MEMBER')
              AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole
                   OR EXISTS (SELECT FROM pg_class WHERE relowner = r.oid))
            ORDER BY 1""";

    /** A sub-SELECT as PostgreSQL deparses it: {@code ( SELECT ...)}. */
    private static final Pattern SUB_SELECT = Pattern.compile("\\(\\s*SELECT\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT_SETTING_CALL = Pattern.compile("\\bcurrent_setting\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    @RegisterExtension
    static final TestDatabase database = TestDatabase.migratedPerTestClass();

    @Test
    void everyTenantOrUserTableHasRowLevelSecurityEnabledAndForced() throws SQLException {
        try (var connection = database.connectAsOwner()) {
            assertEquals(List.of(), tablesWithoutForcedRowLevelSecurity(connection),
                    "tables with organization_id or user_id need ENABLE and FORCE ROW LEVEL SECURITY");
        }
    }

    @Test
    void tablesWithoutForcedRowLevelSecurityAreReported() throws SQLException {
        try (var owner = inTransaction(database.connectAsOwner())) {
            var before = tablesWithoutForcedRowLevelSecurity(owner);
            execute(owner, """
                    CREATE TABLE lint_probe (id uuid PRIMARY KEY, organization_id uuid);
                    CREATE TABLE lint_probe_enabled (id uuid PRIMARY KEY, user_id uuid);
                    ALTER TABLE lint_probe_enabled ENABLE ROW LEVEL SECURITY;
                    CREATE TABLE lint_probe_log (organization_id uuid, at date) PARTITION BY RANGE (at);
                    ALTER TABLE lint_probe_log ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE lint_probe_log FORCE ROW LEVEL SECURITY;
                    CREATE TABLE lint_probe_log_2025 PARTITION OF lint_probe_log
                      FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                    ALTER TABLE organization NO FORCE ROW LEVEL SECURITY""");

            assertEquals(List.of("lint_probe", "lint_probe_enabled", "lint_probe_log_2025", "organization"),
                    added(before, tablesWithoutForcedRowLevelSecurity(owner)));
            owner.rollback();
        }
    }

    @Test
    void everyPolicyReadsTheContextOncePerStatement() throws SQLException {
        try (var connection = database.connectAsOwner()) {
            assertEquals(List.of(), policiesCallingCurrentSettingPerRow(connection),
                    "wrap every current_setting(...) of a policy in a sub-SELECT: (SELECT current_setting(...))");
        }
    }

    @Test
    void policiesCallingCurrentSettingPerRowAreReported() throws SQLException {
        try (var owner = inTransaction(database.connectAsOwner())) {
            var before = policiesCallingCurrentSettingPerRow(owner);
            execute(owner, """
                    CREATE TABLE lint_probe (id uuid PRIMARY KEY, organization_id uuid);
                    CREATE POLICY per_row ON lint_probe FOR SELECT
                      USING (organization_id = current_setting('app.tenant_id')::uuid);
                    CREATE POLICY once ON lint_probe FOR UPDATE
                      USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
                             AND 'current_setting(' <> '');
                    CREATE POLICY half ON lint_probe FOR INSERT
                      WITH CHECK (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
                                  OR current_setting('app.scope', true) = 'platform')""");

            assertEquals(List.of("public.lint_probe.half", "public.lint_probe.per_row"),
                    added(before, policiesCallingCurrentSettingPerRow(owner)));
            owner.rollback();
        }
    }

    @Test
    void everyPolicyColumnLeadsAnIndex() throws SQLException {
        try (var connection = database.connectAsOwner()) {
            assertEquals(List.of(), unindexedPolicyColumns(connection),
                    "index every tenant or user column a policy reads, as the leading column");
        }
    }

    @Test
    void unindexedPolicyColumnsAreReported() throws SQLException {
        try (var owner = inTransaction(database.connectAsOwner())) {
            var before = unindexedPolicyColumns(owner);
            execute(owner, """
                    CREATE TABLE lint_probe (id uuid PRIMARY KEY, organization_id uuid, user_id uuid);
                    CREATE INDEX ON lint_probe (user_id, organization_id);
                    ALTER TABLE lint_probe ENABLE ROW LEVEL SECURITY;
                    CREATE TABLE lint_probe_member (user_id uuid, group_id uuid);
                    CREATE INDEX ON lint_probe_member (group_id, user_id);
                    CREATE POLICY tenant ON lint_probe USING (organization_id IS NOT NULL
                      AND user_id IN (SELECT m.user_id FROM lint_probe_member m))""");

            assertEquals(List.of("lint_probe.organization_id", "lint_probe_member.user_id"),
                    added(before, unindexedPolicyColumns(owner)));
            owner.rollback();
        }
    }

    @Test
    void everyViewOverRowLevelSecurityTablesIsAnInvokerOrBarrierView() throws SQLException {
        try (var connection = database.connectAsOwner()) {
            assertEquals(List.of(), unprotectedViews(connection), "views over RLS tables need security_invoker or "
                    + "security_barrier; materialized ones must not be granted to the application role");
        }
    }

    @Test
    void unprotectedViewsAreReported() throws SQLException {
        try (var owner = inTransaction(database.connectAsOwner())) {
            var before = unprotectedViews(owner);
            execute(owner, """
                    CREATE VIEW lint_probe_plain AS SELECT id, username FROM app_user;
                    CREATE VIEW lint_probe_invoker WITH (security_invoker = true) AS SELECT id FROM app_user;
                    CREATE VIEW lint_probe_barrier WITH (security_barrier) AS SELECT id FROM app_user;
                    CREATE VIEW lint_probe_nested AS SELECT id FROM lint_probe_invoker;
                    CREATE VIEW lint_probe_reference AS SELECT code FROM plan;
                    CREATE MATERIALIZED VIEW lint_probe_granted AS SELECT id FROM app_user WITH NO DATA;
                    GRANT SELECT ON lint_probe_granted TO "%s";
                    CREATE MATERIALIZED VIEW lint_probe_hidden AS SELECT id FROM app_user WITH NO DATA;
                    CREATE VIEW lint_probe_behind_barrier WITH (security_barrier) AS SELECT id FROM lint_probe_hidden
                    """.formatted(database.roles().appRole()));

            assertEquals(List.of("lint_probe_granted (materialized, readable by the application)", "lint_probe_nested",
                    "lint_probe_plain"),
                    added(before, unprotectedViews(owner)));
            owner.rollback();
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (var connection = database.connectAsOwner()) {
            assertEquals(List.of(), applicationRolePowers(connection));
        }
    }

    @Test
    void applicationRoleOwnershipAndPowersAreReported() throws SQLException {
        // only a superuser may hand an object to the application role or give it BYPASSRLS
        try (var superuser = inTransaction(database.connectAsSuperuser())) {
            var app = database.roles().appRole();
            var before = applicationRolePowers(superuser);
            execute(superuser, """
                    CREATE TABLE lint_probe (id uuid PRIMARY KEY);
                    ALTER TABLE lint_probe OWNER TO "%1$s";
                    CREATE FUNCTION lint_probe_answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
                    ALTER FUNCTION lint_probe_answer() OWNER TO "%1$s";
                    ALTER ROLE "%1$s" BYPASSRLS;
                    GRANT "%2$s" TO "%1$s"
                    """.formatted(app, database.owner()));

            assertEquals(List.of("is bypassrls", "is member of " + database.owner(),
                    "owns function lint_probe_answer()", "owns relation lint_probe", "owns relation lint_probe_pkey"),
                    added(before, applicationRolePowers(superuser)));
            superuser.rollback();
        }
    }

    private static List<String> tablesWithoutForcedRowLevelSecurity(Connection connection) throws SQLException {
        return strings(connection, TABLES_WITHOUT_FORCED_RLS);
    }

    private static List<String> policiesCallingCurrentSettingPerRow(Connection connection) throws SQLException {
        var offenders = new ArrayList<String>();
        try (var statement = connection.prepareStatement(POLICIES); var rows = statement.executeQuery()) {
            while (rows.next()) {
                var outside = outsideSubSelects(rows.getString(2)) + " " + outsideSubSelects(rows.getString(3));
                if (CURRENT_SETTING_CALL.matcher(outside).find()) {
                    offenders.add(rows.getString(1));
                }
            }
        }
        return offenders;
    }

    private static List<String> unindexedPolicyColumns(Connection connection) throws SQLException {
        return strings(connection, UNINDEXED_POLICY_COLUMNS);
    }

    private static List<String> unprotectedViews(Connection connection) throws SQLException {
        return strings(connection, UNPROTECTED_VIEWS, database.roles().appRole());
    }

    private static List<String> applicationRolePowers(Connection connection) throws SQLException {
        return strings(connection, APPLICATION_ROLE_POWERS, database.roles().appRole());
    }

    /**
     * A deparsed policy expression without its sub-SELECTs and string literals, e.g. {@code organization_id = }
     * for {@code (organization_id = ( SELECT (NULLIF(current_setting('app.tenant_id'::text, true),
     * ''::text))::uuid AS "nullif"))}.
     */
    static String outsideSubSelects(String expression) {
        var outside = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                // a doubled quote inside a literal closes and reopens it: the same in the end
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (depth > 0) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '(' && SUB_SELECT.matcher(expression).region(i, expression.length()).lookingAt()) {
                depth = 1;
            } else {
                outside.append(c);
            }
        }
        return outside.toString();
    }

    /** What a rule reports beyond what it reported before the probes, whatever the real schema holds. */
    private static List<String> added(List<String> before, List<String> after) {
        return after.stream().filter(offender -> !before.contains(offender)).toList();
    }

    private static Connection inTransaction(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        return connection;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(Connection connection, String sql, String... parameters)
            throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                var values = new ArrayList<String>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
