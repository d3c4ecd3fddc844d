-- Schema version 13: a step's note is final too, and is corrected by an
-- addendum like a concern, an evidence entry or a contact; and an
-- addendum being written is kept apart from the addenda. What the worker
-- has typed in Add an Addendum reaches the vault when the vault locks,
-- and is offered again the next time; like a concern's draft it is
-- neither audited nor searched, and it is not an addendum until the
-- worker adds it.

-- SQLite cannot widen a CHECK: the table is made again, with its rows,
-- indexes and search triggers.
CREATE TABLE addendum_new (
  id           INTEGER PRIMARY KEY,
  entity       TEXT NOT NULL
               CHECK (entity IN ('concern', 'evidence', 'contact', 'response_step')),
  entity_id    INTEGER NOT NULL,
  child_id     INTEGER NOT NULL REFERENCES child (id) ON DELETE RESTRICT,
  concern_id   INTEGER NOT NULL DEFAULT 0,
  author       TEXT NOT NULL,
  text         TEXT NOT NULL CHECK (length (text) > 0),
  written_at   TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
INSERT INTO addendum_new SELECT id, entity, entity_id, child_id, concern_id, author, text,
                                written_at, recorded_at, updated_at FROM addendum;
DROP TABLE addendum;
ALTER TABLE addendum_new RENAME TO addendum;

CREATE INDEX addendum_record ON addendum (entity, entity_id);
CREATE INDEX addendum_child ON addendum (child_id, written_at);

CREATE TRIGGER addendum_search_insert AFTER INSERT ON addendum BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 6, CASE NEW.concern_id WHEN 0 THEN 7 ELSE 6 END,
          CASE NEW.concern_id WHEN 0 THEN NEW.child_id ELSE NEW.concern_id END,
          NEW.child_id, NEW.written_at, NEW.author || ' ' || NEW.text);
END;
CREATE TRIGGER addendum_search_delete AFTER DELETE ON addendum BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8 + 6;
END;

CREATE TABLE addendum_draft (
  entity      TEXT NOT NULL
              CHECK (entity IN ('concern', 'evidence', 'contact', 'response_step')),
  entity_id   INTEGER NOT NULL,
  text        TEXT NOT NULL CHECK (length (text) > 0),
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
