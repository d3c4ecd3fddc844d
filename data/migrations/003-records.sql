-- Schema version 3: the children on the worker's caseload and the
-- e-safety concerns recorded about them. Text fields are '' when not
-- known, never NULL; times are UTC ISO 8601; a date of birth is YYYY-MM-DD.

CREATE TABLE child (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length (name) > 0),
  preferred_name   TEXT NOT NULL DEFAULT '',
  date_of_birth    TEXT NOT NULL DEFAULT '',
  initials         TEXT NOT NULL DEFAULT '',
  case_reference   TEXT NOT NULL DEFAULT '',
  placement        TEXT NOT NULL DEFAULT '',
  carer            TEXT NOT NULL DEFAULT '',
  allocated_worker TEXT NOT NULL DEFAULT '',
  -- Case-folded name, for ordering, and names and reference, for the filter.
  sort_key         TEXT NOT NULL DEFAULT '',
  search_text      TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE INDEX child_order ON child (sort_key, id);

CREATE TABLE concern (
  id               INTEGER PRIMARY KEY,
  child_id         INTEGER NOT NULL REFERENCES child (id) ON DELETE RESTRICT,
  -- A draft is saved as the worker types; it becomes a concern when saved.
  is_draft         INTEGER NOT NULL DEFAULT 1 CHECK (is_draft IN (0, 1)),
  summary          TEXT NOT NULL DEFAULT '',
  own_words        TEXT NOT NULL DEFAULT '',
  happened_at      TEXT NOT NULL DEFAULT '',
  disclosed_at     TEXT NOT NULL DEFAULT '',
  disclosed_by     TEXT NOT NULL DEFAULT '',
  intent           TEXT NOT NULL DEFAULT ''
                   CHECK (intent IN ('', 'accidental', 'deliberate', 'unsure')),
  area             TEXT NOT NULL DEFAULT ''
                   CHECK (area IN ('', 'bullying', 'sexual', 'personal-information')),
  incident_types   TEXT NOT NULL DEFAULT '',
  incident_other   TEXT NOT NULL DEFAULT '',
  involvement      TEXT NOT NULL DEFAULT ''
                   CHECK (involvement IN ('', 'child-on-child', 'child-on-adult', 'adult-on-child',
                                          'staff-on-staff', 'public-on-staff')),
  other_party      TEXT NOT NULL DEFAULT '',
  adult_role       TEXT NOT NULL DEFAULT '',
  adult_employer   TEXT NOT NULL DEFAULT '',
  adult_is_staff   INTEGER NOT NULL DEFAULT 0 CHECK (adult_is_staff IN (0, 1)),
  location         TEXT NOT NULL DEFAULT '' CHECK (location IN ('', 'setting', 'home')),
  setting_type     TEXT NOT NULL DEFAULT '',
  setting_other    TEXT NOT NULL DEFAULT '',
  media            TEXT NOT NULL DEFAULT '',
  media_other      TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'awaiting-action', 'closed')),
  outcome          TEXT NOT NULL DEFAULT '',
  recorded_at      TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE INDEX concern_child ON concern (child_id, recorded_at);
