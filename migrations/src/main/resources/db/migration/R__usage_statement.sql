-- The monthly statement per organization: its calls of the month (from the daily rollup) priced at its plan.
-- security_invoker: the caller's row-level security applies to usage_daily and organization underneath, so a
-- tenant sees only its own statement and platform scope sees all.
--
-- Priced at the organization's current plan: plan changes are not kept as history yet, so a statement of a
-- past month follows a later plan change. Amounts are rounded to cents.
CREATE OR REPLACE VIEW monthly_statement WITH (security_invoker = true) AS
SELECT d.organization_id,
       date_trunc('month', d.day)::date                                  AS month,
       sum(d.calls)::bigint                                              AS calls,
       p.code                                                            AS plan_code,
       p.price_per_thousand_calls,
       round(sum(d.calls) / 1000.0 * p.price_per_thousand_calls, 2)      AS amount
FROM usage_daily d
JOIN organization o ON o.id = d.organization_id
JOIN plan p ON p.id = o.plan_id
GROUP BY d.organization_id, date_trunc('month', d.day), p.code, p.price_per_thousand_calls;

GRANT SELECT ON monthly_statement TO "${appRole}", "${readonlyRole}";
