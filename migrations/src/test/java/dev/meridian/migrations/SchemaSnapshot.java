package dev.meridian.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Every schema object of a database as a sorted list of lines, read from the catalogs, so two states of a
 * schema compare as lists: relations (with RLS flags, options and index definitions), columns, functions,
 * policies, triggers, types, constraints, operators, extensions, schemas, and what the application and
 * read-only roles and PUBLIC are granted. Flyway's schema history table is left out, and so are the objects
 * an extension brings (the extension's own line stands for them).
 */
record SchemaSnapshot(List<String> objects) {

    private static final String QUERY = """
            WITH history AS (
              SELECT to_regclass('public.flyway_schema_history') AS oid
            ), ns AS (
              SELECT oid, nspname FROM pg_namespace
              WHERE nspname NOT IN ('information_schema', 'pg_catalog', 'pg_toast') AND nspname NOT LIKE 'pg\\_%'
            ), member AS (
              SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
            ), rel AS (
              SELECT c.*, ns.nspname || '.' || c.relname AS qname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
              WHERE c.oid IS DISTINCT FROM (SELECT oid FROM history)
                AND NOT EXISTS (SELECT FROM pg_index i
                                WHERE i.indexrelid = c.oid AND i.indrelid = (SELECT oid FROM history))
                AND NOT EXISTS (SELECT FROM member m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
            ), typ AS (
              SELECT t.* FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
              WHERE (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
                AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
                AND NOT EXISTS (SELECT FROM member m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid)
            ), fn AS (
              SELECT p.* FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
              WHERE NOT EXISTS (SELECT FROM member m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid)
            ), roles AS (
              SELECT 0::oid AS oid, 'PUBLIC' AS name
              UNION ALL SELECT oid, rolname FROM pg_roles WHERE rolname IN (?, ?)
            ), acl AS (
              SELECT 'relation ' || qname AS object, (aclexplode(coalesce(relacl, acldefault('r', relowner)))).*
              FROM rel WHERE relkind <> 'i'
              UNION ALL
              SELECT 'function ' || oid::regprocedure, (aclexplode(coalesce(proacl, acldefault('f', proowner)))).*
              FROM fn
              UNION ALL
              SELECT 'type ' || oid::regtype, (aclexplode(coalesce(typacl, acldefault('T', typowner)))).* FROM typ
              UNION ALL
              SELECT 'schema ' || nspname, (aclexplode(coalesce(nspacl, acldefault('n', nspowner)))).*
              FROM pg_namespace WHERE oid IN (SELECT oid FROM ns)
              UNION ALL
              SELECT 'database', (aclexplode(coalesce(datacl, acldefault('d', datdba)))).*
              FROM pg_database WHERE datname = current_database()
            )
            SELECT 'schema ' || nspname FROM ns WHERE nspname <> 'public'
            UNION ALL
            SELECT 'extension ' || extname || ' in ' || extnamespace::regnamespace FROM pg_extension
            UNION ALL
            SELECT 'relation ' || relkind::text || ' ' || qname
                   || CASE WHEN relkind IN ('r', 'p')
                           THEN ' rls=' || relrowsecurity || ' forced=' || relforcerowsecurity ELSE '' END
                   || coalesce(' options=' || reloptions::text, '')
                   || CASE WHEN relkind IN ('i', 'I') THEN ': ' || pg_get_indexdef(oid) ELSE '' END
            FROM rel
            UNION ALL
            SELECT 'column ' || c.qname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
            FROM rel c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
            UNION ALL
            SELECT 'view ' || qname || ': ' || md5(pg_get_viewdef(oid)) FROM rel WHERE relkind IN ('v', 'm')
            UNION ALL
            SELECT 'function ' || oid::regprocedure || ' ' || prokind::text || ' ' || md5(prosrc)
                   || CASE WHEN prosecdef THEN ' security definer' ELSE '' END FROM fn
            UNION ALL
            SELECT 'type ' || oid::regtype || ' ' || typtype::text
                   || coalesce(' ' || (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder)
                                       FROM pg_enum WHERE enumtypid = typ.oid), '')
            FROM typ
            UNION ALL
            SELECT 'constraint '
                   || CASE WHEN con.conrelid <> 0 THEN con.conrelid::regclass::text ELSE con.contypid::regtype::text END
                   || '.'
                   || con.conname || ': ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            WHERE con.conrelid IN (SELECT oid FROM rel) OR con.contypid IN (SELECT oid FROM typ)
            UNION ALL
            SELECT 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || permissive || ' '
                   || cmd || ' to ' || roles::text || ' using ' || coalesce(qual, '-')
                   || ' check ' || coalesce(with_check, '-')
            FROM pg_policies
            UNION ALL
            SELECT 'trigger ' || tgrelid::regclass || '.' || tgname || ' ' || tgenabled::text || ': '
                   || pg_get_triggerdef(oid)
            FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM rel)
            UNION ALL
            SELECT 'operator ' || o.oid::regoperator FROM pg_operator o JOIN ns ON ns.oid = o.oprnamespace
            WHERE NOT EXISTS (SELECT FROM member m WHERE m.classid = 'pg_operator'::regclass AND m.objid = o.oid)
            UNION ALL
            SELECT 'default privileges of ' || defaclrole::regrole || ' on ' || defaclobjtype::text || ': '
                   || defaclacl::text FROM pg_default_acl
            UNION ALL
            SELECT 'grant ' || acl.privilege_type || ' on ' || acl.object || ' to ' || roles.name
                   || CASE WHEN acl.is_grantable THEN ' with grant option' ELSE '' END
            FROM acl JOIN roles ON roles.oid = acl.grantee
            """;

    /** Reads the snapshot through an owner or superuser connection; the role names say whose grants count. */
    static SchemaSnapshot of(Connection connection, MigrationRoles roles) throws SQLException {
        try (var statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, roles.appRole());
            statement.setString(2, roles.readonlyRole());
            try (var rows = statement.executeQuery()) {
                var objects = new ArrayList<String>();
                while (rows.next()) {
                    objects.add(rows.getString(1));
                }
                objects.sort(null);
                return new SchemaSnapshot(List.copyOf(objects));
            }
        }
    }

    /** What this snapshot holds beyond {@code expected} and what it lacks, one object a line; empty if equal. */
    String differencesFrom(SchemaSnapshot expected) {
        var extra = new TreeSet<>(objects);
        extra.removeAll(expected.objects);
        var missing = new TreeSet<>(expected.objects);
        missing.removeAll(objects);
        var report = new StringBuilder();
        extra.forEach(object -> report.append("\n  left over: ").append(object));
        missing.forEach(object -> report.append("\n  missing:   ").append(object));
        return report.toString();
    }
}
