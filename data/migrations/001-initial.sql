-- Schema version 1: the vault's own facts and the audit trail.
-- Times are UTC ISO 8601 text ("2026-11-24T09:15:00Z").

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

-- Every change, append-only. Issue 6 chains the rows with SHA-256.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  before    TEXT,
  after     TEXT
);

CREATE INDEX audit_entity ON audit (entity, entity_id);
