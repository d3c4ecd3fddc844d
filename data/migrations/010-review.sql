-- Schema version 10: a manager's review of a concern, signed with the
-- manager's own passphrase at that moment, carrying the audit chain's count
-- and head when it was signed.

CREATE TABLE review (
  id             INTEGER PRIMARY KEY,
  concern_id     INTEGER NOT NULL REFERENCES concern (id) ON DELETE RESTRICT,
  manager_id     TEXT NOT NULL,
  manager        TEXT NOT NULL,
  role           TEXT NOT NULL DEFAULT '',
  comments       TEXT NOT NULL DEFAULT '',
  decision       TEXT NOT NULL
                 CHECK (decision IN ('actions-agreed', 'further-action', 'close')),
  signed_at      TEXT NOT NULL,
  audit_entries  INTEGER NOT NULL,
  audit_head     TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE INDEX review_concern ON review (concern_id, signed_at);

-- Searched with the rest (kind 5: a review; opens its concern).
CREATE TRIGGER review_search_insert AFTER INSERT ON review BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 5, 5, NEW.concern_id,
          (SELECT child_id FROM concern WHERE id = NEW.concern_id), NEW.signed_at,
          NEW.manager || ' ' || NEW.comments);
END;
CREATE TRIGGER review_search_update AFTER UPDATE ON review BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 5, 5, NEW.concern_id,
          (SELECT child_id FROM concern WHERE id = NEW.concern_id), NEW.signed_at,
          NEW.manager || ' ' || NEW.comments);
END;
CREATE TRIGGER review_search_delete AFTER DELETE ON review BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8 + 5;
END;
