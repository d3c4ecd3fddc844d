-- Schema version 6: whether the adult in a concern works or volunteers with
-- children, or is a council employee or carer: 'yes', 'no' or 'unknown',
-- '' until asked. Only a "no" rules the LADO out; "works with children"
-- ticked before is a "yes".

ALTER TABLE concern ADD COLUMN adult_works_with_children TEXT NOT NULL DEFAULT ''
  CHECK (adult_works_with_children IN ('', 'yes', 'no', 'unknown'));

UPDATE concern SET adult_works_with_children = 'yes' WHERE adult_is_staff = 1;
