-- Schema version 13: an addendum being written, kept apart from the
-- addenda. What the worker has typed in Add an Addendum reaches the vault
-- when the vault locks, and is offered again the next time; like a
-- concern's draft it is neither audited nor searched, and it is not an
-- addendum until the worker adds it.

CREATE TABLE addendum_draft (
  entity      TEXT NOT NULL CHECK (entity IN ('concern', 'evidence', 'contact')),
  entity_id   INTEGER NOT NULL,
  text        TEXT NOT NULL CHECK (length (text) > 0),
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
