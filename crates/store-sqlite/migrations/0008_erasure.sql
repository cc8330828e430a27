-- Erasure with legal holds (R40).
--
-- `erasures` is the tombstone list: the ids of erased participants (nothing else), so an erasure
-- can be applied again after a restore from an older backup. It has no foreign key: the
-- participant is gone.
CREATE TABLE erasures (
    participant_id BLOB PRIMARY KEY,
    erased_at      TEXT NOT NULL
) STRICT;
CREATE TRIGGER erasures_no_update BEFORE UPDATE ON erasures
BEGIN SELECT RAISE(ABORT, 'erasures are append-only'); END;
CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
BEGIN SELECT RAISE(ABORT, 'erasures are append-only'); END;

-- A legal hold blocks erasure on a ground of GDPR Art. 17(3) until a date, or until released.
-- `reference` points to the controller's own record of the reason (a case or decision number),
-- not a description of the person.
CREATE TABLE legal_holds (
    id             BLOB PRIMARY KEY,
    participant_id BLOB NOT NULL REFERENCES participants(id),
    ground         TEXT NOT NULL CHECK (ground IN ('legal_obligation', 'archiving_or_statistics', 'legal_claims')),
    reference      TEXT NOT NULL,
    until          TEXT NOT NULL,
    set_at         TEXT NOT NULL,
    set_by         TEXT NOT NULL,
    released_at    TEXT
) STRICT;
CREATE INDEX legal_holds_participant ON legal_holds(participant_id);

-- Consents stay append-only, except that erasing a participant removes theirs: only once the
-- tombstone is written and the participant's own row is gone (erasure defers foreign keys and
-- deletes that row before the consents), so a participant still on record keeps every consent.
DROP TRIGGER consents_no_delete;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
WHEN NOT EXISTS (SELECT 1 FROM erasures WHERE participant_id = OLD.participant_id)
  OR EXISTS (SELECT 1 FROM participants WHERE id = OLD.participant_id)
BEGIN SELECT RAISE(ABORT, 'consents are append-only'); END;
