-- Schema version 11: a draft is not searched. A concern being typed is not
-- yet a record to rely on (the chronology leaves it out too); it enters the
-- index when it is saved, and leaves it should it ever be a draft again.

DROP TRIGGER concern_search_insert;
DROP TRIGGER concern_search_update;

CREATE TRIGGER concern_search_insert AFTER INSERT ON concern WHEN NEW.is_draft = 0 BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 1, 1, NEW.id, NEW.child_id,
          CASE NEW.happened_at WHEN '' THEN NEW.recorded_at ELSE NEW.happened_at END,
          NEW.own_words || ' ' || NEW.summary || ' ' || NEW.incident_other || ' '
          || NEW.other_party || ' ' || NEW.adult_role || ' ' || NEW.outcome);
END;
CREATE TRIGGER concern_search_update AFTER UPDATE ON concern WHEN NEW.is_draft = 0 BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 1, 1, NEW.id, NEW.child_id,
          CASE NEW.happened_at WHEN '' THEN NEW.recorded_at ELSE NEW.happened_at END,
          NEW.own_words || ' ' || NEW.summary || ' ' || NEW.incident_other || ' '
          || NEW.other_party || ' ' || NEW.adult_role || ' ' || NEW.outcome);
END;
CREATE TRIGGER concern_search_draft AFTER UPDATE ON concern WHEN NEW.is_draft = 1 BEGIN
  DELETE FROM search WHERE docid = NEW.id * 8 + 1;
END;

DELETE FROM search WHERE kind = 1 AND record_id IN (SELECT id FROM concern WHERE is_draft = 1);
