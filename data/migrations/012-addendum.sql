-- Schema version 12: an addendum, the only way to correct a final record.
-- A record becomes final when the worker marks it so (a "finalise" entry in
-- the audit trail) or a day after it was first saved; a final record is
-- never edited in place. An addendum is dated and signed with its author's
-- name, and shown under the record it corrects.

CREATE TABLE addendum (
  id           INTEGER PRIMARY KEY,
  entity       TEXT NOT NULL CHECK (entity IN ('concern', 'evidence', 'contact')),
  entity_id    INTEGER NOT NULL,
  child_id     INTEGER NOT NULL REFERENCES child (id) ON DELETE RESTRICT,
  concern_id   INTEGER NOT NULL DEFAULT 0,
  author       TEXT NOT NULL,
  text         TEXT NOT NULL CHECK (length (text) > 0),
  written_at   TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE INDEX addendum_record ON addendum (entity, entity_id);
CREATE INDEX addendum_child ON addendum (child_id, written_at);

-- Searched with the rest (kind 6: an addendum to a concern or its
-- evidence, opening the concern; kind 7: to a contact, opening the child's
-- contacts).
CREATE TRIGGER addendum_search_insert AFTER INSERT ON addendum BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 6, CASE NEW.concern_id WHEN 0 THEN 7 ELSE 6 END,
          CASE NEW.concern_id WHEN 0 THEN NEW.child_id ELSE NEW.concern_id END,
          NEW.child_id, NEW.written_at, NEW.author || ' ' || NEW.text);
END;
CREATE TRIGGER addendum_search_delete AFTER DELETE ON addendum BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8 + 6;
END;
