-- Grants and row-level security for operations: snapshots and support tickets. Re-applied whenever this file
-- changes.

-- Snapshots are platform-level operational data with no tenant: readable and writable in platform scope only
-- (not reference data: a tenant learns nothing about the platform's load or table sizes). Append-only.
GRANT SELECT, INSERT ON row_count_snapshot, system_health_snapshot TO "${appRole}";
GRANT SELECT ON row_count_snapshot, system_health_snapshot TO "${readonlyRole}";
SELECT meridian_platform_rls(t) FROM unnest(ARRAY['row_count_snapshot', 'system_health_snapshot']) AS t;

-- Tickets and messages belong to their tenant; platform scope (support) reaches all of them.
GRANT SELECT, INSERT, UPDATE, DELETE ON support_ticket, ticket_message TO "${appRole}";
GRANT SELECT ON support_ticket, ticket_message TO "${readonlyRole}";
SELECT meridian_tenant_rls('support_ticket');
SELECT meridian_tenant_rls('ticket_message');
-- A support message (written by a platform admin for support) needs platform scope: a tenant cannot speak
-- for support. Restrictive, so it narrows the tenant policy instead of widening it.
DROP POLICY IF EXISTS ticket_message_support_author ON ticket_message;
CREATE POLICY ticket_message_support_author ON ticket_message AS RESTRICTIVE FOR ALL
  USING (true)
  WITH CHECK (support_user_id IS NULL OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');
