-- Schema version 7: the audit trail becomes a hash chain (app/sc-audit.c).
-- Each entry keeps the digest of its values and its place in the chain;
-- the entries written before are chained by the migration's code, in order.

ALTER TABLE audit ADD COLUMN values_sha256 TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
