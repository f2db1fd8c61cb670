-- Reading the usage log by time alone, across tenants: the dashboard's requests today, the health snapshot's
-- recent response times. The log's indexes all lead with a tenant, key or user, so such a read scanned the whole
-- month's partition. Rows are appended in time order, so a BRIN index finds a time range in a few blocks at a
-- tiny fraction of a B-tree's size. Created on the parent, it reaches every partition, present and future.
CREATE INDEX usage_log_occurred_at_brin_idx ON usage_log USING brin (occurred_at);
