-- Schema version 4: every electronic contact between the worker and a child
-- (or their carer or parent), as the case-note rule asks (seed 000, para 29).
-- concern_id is 0 when the contact is not linked to a concern.

CREATE TABLE contact (
  id               INTEGER PRIMARY KEY,
  child_id         INTEGER NOT NULL REFERENCES child (id) ON DELETE RESTRICT,
  concern_id       INTEGER NOT NULL DEFAULT 0,
  happened_at      TEXT NOT NULL,
  channel          TEXT NOT NULL
                   CHECK (channel IN ('phone-call', 'text', 'email', 'messaging',
                                      'social-network', 'video-call', 'other')),
  direction        TEXT NOT NULL CHECK (direction IN ('to', 'from')),
  with_whom        TEXT NOT NULL DEFAULT 'child'
                   CHECK (with_whom IN ('child', 'carer', 'parent', 'other')),
  with_whom_other  TEXT NOT NULL DEFAULT '',
  device           TEXT NOT NULL CHECK (device IN ('work', 'personal')),
  device_detail    TEXT NOT NULL DEFAULT '',
  -- A personal device or account needs a manager's approval (seed 001).
  approved_by      TEXT NOT NULL DEFAULT '',
  approved_on      TEXT NOT NULL DEFAULT '',
  summary          TEXT NOT NULL DEFAULT '',
  follow_up        TEXT NOT NULL DEFAULT '',
  copied_at        TEXT NOT NULL DEFAULT '',
  recorded_at      TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE INDEX contact_child ON contact (child_id, happened_at);
CREATE INDEX contact_concern ON contact (concern_id);
CREATE INDEX contact_device ON contact (device, happened_at);

-- When each child's contacts were last brought up in a weekly reminder.
CREATE TABLE contact_reminder (
  child_id         INTEGER PRIMARY KEY REFERENCES child (id) ON DELETE CASCADE,
  reminded_at      TEXT NOT NULL
);
