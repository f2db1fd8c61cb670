-- Which tables the change log watches (the trigger is in R__0_audit_helpers.sql). Every UPDATE and DELETE is
-- logged; INSERT too where creation itself grants or exposes something: tenants, users, permissions and their
-- grants, plans, API keys. Adding a table here changes this script, so Flyway re-applies it on the next migrate.
--
-- Tables of other areas are audited only once they exist, so this script runs whichever of them are present.
-- Bookkeeping columns (third argument) change without anyone deciding anything: a key's last use, a user's last
-- sign-in, a place's rating kept by the review trigger (one row per review would double the review load).

SELECT meridian_audit(t.name, t.with_insert, t.bookkeeping)
FROM (VALUES
        ('organization',         true,  '{}'::text[]),
        ('app_user',             true,  '{last_login_at}'),
        ('user_permission',      true,  '{}'),
        ('api_key',              true,  '{last_used_at}'),
        ('plan',                 true,  '{}'),
        ('permission',           true,  '{}'),
        ('pending_user',         false, '{}'),
        ('password_reset_token', false, '{}'),
        ('category',             false, '{}'),
        ('location',             false, '{}'),
        ('season',               false, '{}'),
        ('place',                false, '{rating,ratings_total,ratings_sum}'),
        ('review',               false, '{}'),
        ('preference',           false, '{}'),
        ('location_follow',      false, '{}'),
        ('support_ticket',       false, '{}')
     ) AS t (name, with_insert, bookkeeping)
WHERE to_regclass('public.' || t.name) IS NOT NULL;
