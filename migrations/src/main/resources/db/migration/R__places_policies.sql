-- Grants and row-level security for places. Re-applied whenever this file changes. The policy shapes and
-- the context settings they read are in R__0_row_level_security_helpers.sql.
--
--   category         reference data: everyone reads, platform scope writes
--   place            the tenant's (or platform scope), every command
--   review           the whole tenant reads; only the author writes, or a user holding reviews.moderate,
--                    or platform scope: a restrictive policy per write command on top of the tenant's
--   preference,      private to their user: the tenant's policy AND a restrictive one for the acting
--   location_follow  user (or platform scope), every command

GRANT SELECT, INSERT, UPDATE, DELETE ON category, place, review, preference, location_follow TO "${appRole}";
GRANT SELECT ON category, place, review, preference, location_follow TO "${readonlyRole}";

SELECT meridian_reference_rls('category');
SELECT meridian_tenant_rls(t) FROM unnest(ARRAY['place', 'review', 'preference', 'location_follow']) AS t;

-- Whether the acting user (app.user_id) holds a permission. Policies call it inside a sub-SELECT, so it runs
-- once per statement. It runs as the caller: user_permission's own tenant policy applies.
CREATE OR REPLACE FUNCTION meridian_acting_user_has_permission(p_code text) RETURNS boolean
  LANGUAGE sql STABLE
AS $$
  SELECT EXISTS (SELECT FROM user_permission up JOIN permission p ON p.id = up.permission_id
                 WHERE up.user_id = nullif(current_setting('app.user_id', true), '')::uuid AND p.code = p_code)
$$;
REVOKE ALL ON FUNCTION meridian_acting_user_has_permission(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_acting_user_has_permission(text) TO "${appRole}";

DO $$
DECLARE
  author_or_moderator constant text :=
    'user_id = (SELECT nullif(current_setting(''app.user_id'', true), '''')::uuid)'
    ' OR (SELECT nullif(current_setting(''app.scope'', true), '''')) = ''platform'''
    ' OR (SELECT meridian_acting_user_has_permission(''reviews.moderate''))';
  own_user constant text :=
    'user_id = (SELECT nullif(current_setting(''app.user_id'', true), '''')::uuid)'
    ' OR (SELECT nullif(current_setting(''app.scope'', true), '''')) = ''platform''';
  t text;
BEGIN
  DROP POLICY IF EXISTS review_author_insert ON review;
  EXECUTE format('CREATE POLICY review_author_insert ON review AS RESTRICTIVE FOR INSERT WITH CHECK (%s)',
                 author_or_moderator);
  DROP POLICY IF EXISTS review_author_update ON review;
  EXECUTE format('CREATE POLICY review_author_update ON review AS RESTRICTIVE FOR UPDATE USING (%s) WITH CHECK (%s)',
                 author_or_moderator, author_or_moderator);
  DROP POLICY IF EXISTS review_author_delete ON review;
  EXECUTE format('CREATE POLICY review_author_delete ON review AS RESTRICTIVE FOR DELETE USING (%s)',
                 author_or_moderator);

  FOREACH t IN ARRAY ARRAY['preference', 'location_follow'] LOOP
    EXECUTE format('DROP POLICY IF EXISTS %I ON %I', t || '_own_user', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR ALL USING (%s) WITH CHECK (%s)',
                   t || '_own_user', t, own_user, own_user);
  END LOOP;
END $$;
