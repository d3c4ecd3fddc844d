-- Schema version 2: the worker who owns the vault gets a profile of their own
-- (version 1 kept only their name in meta), with a role so that a team
-- manager's sign-off can later be told from a worker's entry.

CREATE TABLE worker (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  name       TEXT NOT NULL CHECK (length (name) > 0),
  role       TEXT NOT NULL DEFAULT 'worker' CHECK (role IN ('worker', 'manager')),
  created_at TEXT NOT NULL
);

INSERT INTO worker (id, name, created_at)
  SELECT 1, value, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM meta WHERE key = 'worker_name';

DELETE FROM meta WHERE key = 'worker_name';
