-- Schema version 5: the response to each concern, step by step, as the
-- procedure file lists them, and the evidence log. A step's row is kept
-- when a change of category means it no longer applies: nothing recorded
-- is lost.

CREATE TABLE response_step (
  id             INTEGER PRIMARY KEY,
  concern_id     INTEGER NOT NULL REFERENCES concern (id) ON DELETE RESTRICT,
  step_id        TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'to-do' CHECK (status IN ('to-do', 'done', 'not-needed')),
  reason         TEXT NOT NULL DEFAULT '',
  done_by        TEXT NOT NULL DEFAULT '',
  done_at        TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  reference      TEXT NOT NULL DEFAULT '',
  due_at         TEXT NOT NULL DEFAULT '',
  recorded_at    TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (concern_id, step_id)
);

CREATE TABLE evidence (
  id             INTEGER PRIMARY KEY,
  concern_id     INTEGER NOT NULL REFERENCES concern (id) ON DELETE RESTRICT,
  what           TEXT NOT NULL DEFAULT '',
  held_where     TEXT NOT NULL DEFAULT '',
  secured_by     TEXT NOT NULL DEFAULT '',
  secured_at     TEXT NOT NULL DEFAULT '',
  urls           TEXT NOT NULL DEFAULT '',
  usernames      TEXT NOT NULL DEFAULT '',
  file_name      TEXT NOT NULL DEFAULT '',
  file_type      TEXT NOT NULL DEFAULT '',
  recorded_at    TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- Attached files live in the vault only, never on disk beside it.
CREATE TABLE evidence_file (
  evidence_id    INTEGER PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
  data           BLOB NOT NULL
);
