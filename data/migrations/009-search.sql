-- Schema version 9: full-text search across every child's records.
-- FTS4 (SQLCipher 3.4.1 has no FTS5), accents folded. The index is kept
-- in step by triggers, inside the transaction that changes the record;
-- docid = record id * 8 + kind, so a record's row is found at once.
-- Kinds: 0 child, 1 concern, 2 response step, 3 evidence, 4 contact.

CREATE VIRTUAL TABLE search USING fts4 (
  kind, record_id, child_id, at, body,
  notindexed=kind, notindexed=record_id, notindexed=child_id, notindexed=at,
  tokenize=unicode61 "remove_diacritics=1"
);

CREATE TRIGGER child_search_insert AFTER INSERT ON child BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8, 0, NEW.id, NEW.id, NEW.created_at,
          NEW.name || ' ' || NEW.preferred_name || ' ' || NEW.case_reference);
END;
CREATE TRIGGER child_search_update AFTER UPDATE ON child BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8, 0, NEW.id, NEW.id, NEW.created_at,
          NEW.name || ' ' || NEW.preferred_name || ' ' || NEW.case_reference);
END;
CREATE TRIGGER child_search_delete AFTER DELETE ON child BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8;
END;

CREATE TRIGGER concern_search_insert AFTER INSERT ON concern BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 1, 1, NEW.id, NEW.child_id,
          CASE NEW.happened_at WHEN '' THEN NEW.recorded_at ELSE NEW.happened_at END,
          NEW.own_words || ' ' || NEW.summary || ' ' || NEW.incident_other || ' '
          || NEW.other_party || ' ' || NEW.adult_role || ' ' || NEW.outcome);
END;
CREATE TRIGGER concern_search_update AFTER UPDATE ON concern BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 1, 1, NEW.id, NEW.child_id,
          CASE NEW.happened_at WHEN '' THEN NEW.recorded_at ELSE NEW.happened_at END,
          NEW.own_words || ' ' || NEW.summary || ' ' || NEW.incident_other || ' '
          || NEW.other_party || ' ' || NEW.adult_role || ' ' || NEW.outcome);
END;
CREATE TRIGGER concern_search_delete AFTER DELETE ON concern BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8 + 1;
END;

CREATE TRIGGER response_step_search_insert AFTER INSERT ON response_step BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 2, 2, NEW.concern_id,
          (SELECT child_id FROM concern WHERE id = NEW.concern_id),
          CASE NEW.done_at WHEN '' THEN NEW.recorded_at ELSE NEW.done_at END,
          NEW.notes || ' ' || NEW.reference || ' ' || NEW.reason);
END;
CREATE TRIGGER response_step_search_update AFTER UPDATE ON response_step BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 2, 2, NEW.concern_id,
          (SELECT child_id FROM concern WHERE id = NEW.concern_id),
          CASE NEW.done_at WHEN '' THEN NEW.recorded_at ELSE NEW.done_at END,
          NEW.notes || ' ' || NEW.reference || ' ' || NEW.reason);
END;
CREATE TRIGGER response_step_search_delete AFTER DELETE ON response_step BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8 + 2;
END;

CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 3, 3, NEW.concern_id,
          (SELECT child_id FROM concern WHERE id = NEW.concern_id),
          CASE NEW.secured_at WHEN '' THEN NEW.recorded_at ELSE NEW.secured_at END,
          NEW.what || ' ' || NEW.held_where || ' ' || NEW.urls || ' ' || NEW.usernames);
END;
CREATE TRIGGER evidence_search_update AFTER UPDATE ON evidence BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 3, 3, NEW.concern_id,
          (SELECT child_id FROM concern WHERE id = NEW.concern_id),
          CASE NEW.secured_at WHEN '' THEN NEW.recorded_at ELSE NEW.secured_at END,
          NEW.what || ' ' || NEW.held_where || ' ' || NEW.urls || ' ' || NEW.usernames);
END;
CREATE TRIGGER evidence_search_delete AFTER DELETE ON evidence BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8 + 3;
END;

CREATE TRIGGER contact_search_insert AFTER INSERT ON contact BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 4, 4, NEW.id, NEW.child_id, NEW.happened_at,
          NEW.summary || ' ' || NEW.follow_up || ' ' || NEW.with_whom_other);
END;
CREATE TRIGGER contact_search_update AFTER UPDATE ON contact BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 4, 4, NEW.id, NEW.child_id, NEW.happened_at,
          NEW.summary || ' ' || NEW.follow_up || ' ' || NEW.with_whom_other);
END;
CREATE TRIGGER contact_search_delete AFTER DELETE ON contact BEGIN
  DELETE FROM search WHERE docid = OLD.id * 8 + 4;
END;

-- The records already in the vault.
INSERT INTO search (docid, kind, record_id, child_id, at, body)
  SELECT id * 8, 0, id, id, created_at, name || ' ' || preferred_name || ' ' || case_reference
  FROM child;
INSERT INTO search (docid, kind, record_id, child_id, at, body)
  SELECT id * 8 + 1, 1, id, child_id,
         CASE happened_at WHEN '' THEN recorded_at ELSE happened_at END,
         own_words || ' ' || summary || ' ' || incident_other || ' ' || other_party || ' '
         || adult_role || ' ' || outcome
  FROM concern;
INSERT INTO search (docid, kind, record_id, child_id, at, body)
  SELECT s.id * 8 + 2, 2, s.concern_id, c.child_id,
         CASE s.done_at WHEN '' THEN s.recorded_at ELSE s.done_at END,
         s.notes || ' ' || s.reference || ' ' || s.reason
  FROM response_step s JOIN concern c ON c.id = s.concern_id;
INSERT INTO search (docid, kind, record_id, child_id, at, body)
  SELECT e.id * 8 + 3, 3, e.concern_id, c.child_id,
         CASE e.secured_at WHEN '' THEN e.recorded_at ELSE e.secured_at END,
         e.what || ' ' || e.held_where || ' ' || e.urls || ' ' || e.usernames
  FROM evidence e JOIN concern c ON c.id = e.concern_id;
INSERT INTO search (docid, kind, record_id, child_id, at, body)
  SELECT id * 8 + 4, 4, id, child_id, happened_at,
         summary || ' ' || follow_up || ' ' || with_whom_other
  FROM contact;
