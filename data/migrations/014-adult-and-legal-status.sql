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

ALTER TABLE child ADD COLUMN legal_status TEXT NOT NULL DEFAULT '';
