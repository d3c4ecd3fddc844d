-- Schema version 14: what a LADO referral asks of the adult and the child
-- that a concern did not hold. Of the adult: other work with children
-- (paid or voluntary, beyond the role given), whether they have children
-- of their own ('yes', 'no', 'unknown'; '' until asked), and previous
-- concerns known about them. Of the child: their legal status (the order
-- or agreement they are looked after under; '' until chosen).

ALTER TABLE concern ADD COLUMN adult_other_work TEXT NOT NULL DEFAULT '';
ALTER TABLE concern ADD COLUMN adult_own_children TEXT NOT NULL DEFAULT ''
  CHECK (adult_own_children IN ('', 'yes', 'no', 'unknown'));
ALTER TABLE concern ADD COLUMN adult_previous_concerns TEXT NOT NULL DEFAULT '';
-- Where a child did it, their age ('' not known): the age of criminal
-- responsibility (10) is about them, never about the child harmed.
ALTER TABLE concern ADD COLUMN other_child_age TEXT NOT NULL DEFAULT '';

ALTER TABLE child ADD COLUMN legal_status TEXT NOT NULL DEFAULT '';

-- What is said of the adult is searched with the rest of the concern: the
-- employer too, which was not before.
DROP TRIGGER concern_search_insert;
DROP TRIGGER concern_search_update;

CREATE TRIGGER concern_search_insert AFTER INSERT ON concern WHEN NEW.is_draft = 0 BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 1, 1, NEW.id, NEW.child_id,
          CASE NEW.happened_at WHEN '' THEN NEW.recorded_at ELSE NEW.happened_at END,
          NEW.own_words || ' ' || NEW.summary || ' ' || NEW.incident_other || ' '
          || NEW.other_party || ' ' || NEW.adult_role || ' ' || NEW.adult_employer || ' '
          || NEW.adult_other_work || ' ' || NEW.adult_previous_concerns || ' ' || NEW.outcome);
END;
CREATE TRIGGER concern_search_update AFTER UPDATE ON concern WHEN NEW.is_draft = 0 BEGIN
  INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  VALUES (NEW.id * 8 + 1, 1, NEW.id, NEW.child_id,
          CASE NEW.happened_at WHEN '' THEN NEW.recorded_at ELSE NEW.happened_at END,
          NEW.own_words || ' ' || NEW.summary || ' ' || NEW.incident_other || ' '
          || NEW.other_party || ' ' || NEW.adult_role || ' ' || NEW.adult_employer || ' '
          || NEW.adult_other_work || ' ' || NEW.adult_previous_concerns || ' ' || NEW.outcome);
END;

INSERT OR REPLACE INTO search (docid, kind, record_id, child_id, at, body)
  SELECT id * 8 + 1, 1, id, child_id,
         CASE happened_at WHEN '' THEN recorded_at ELSE happened_at END,
         own_words || ' ' || summary || ' ' || incident_other || ' ' || other_party || ' '
         || adult_role || ' ' || adult_employer || ' ' || outcome
  FROM concern WHERE is_draft = 0;
