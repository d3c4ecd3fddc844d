-- Schema version 8: the audit trail can be added to, never changed.
-- (Whoever holds the key could drop these; the chain and its anchor in the
-- key file show it if they do.)

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE (ABORT, 'The audit trail cannot be changed');
END;
