-- Erasure with legal holds (R40).
--
-- `erasures` is the tombstone list: the ids of erased participants (nothing else), so an erasure
-- can be applied again after a restore from an older backup. It has no foreign key: the
-- participant is gone.
CREATE TABLE erasures (
    participant_id UUID PRIMARY KEY,
    erased_at      TIMESTAMPTZ NOT NULL
);
CREATE FUNCTION erasures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'erasures are append-only';
END;
$$;
CREATE TRIGGER erasures_append_only BEFORE UPDATE OR DELETE ON erasures
FOR EACH ROW EXECUTE FUNCTION erasures_append_only();
CREATE TRIGGER erasures_no_truncate BEFORE TRUNCATE ON erasures
FOR EACH STATEMENT EXECUTE FUNCTION erasures_append_only();

-- A legal hold blocks erasure on a ground of GDPR Art. 17(3) until a date, or until released.
-- `reference` points to the controller's own record of the reason (a case or decision number),
-- not a description of the person.
CREATE TABLE legal_holds (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL REFERENCES participants(id),
    ground         TEXT NOT NULL CHECK (ground IN ('legal_obligation', 'archiving_or_statistics', 'legal_claims')),
    reference      TEXT NOT NULL,
    until          DATE NOT NULL,
    set_at         TIMESTAMPTZ NOT NULL,
    set_by         TEXT NOT NULL,
    released_at    TIMESTAMPTZ
);
CREATE INDEX legal_holds_participant ON legal_holds(participant_id);

-- Consents stay append-only, except that erasing a participant removes theirs: only once the
-- tombstone is written and the participant's own row is gone (erasure defers this foreign key
-- and deletes that row before the consents), so a participant still on record keeps every
-- consent. TRUNCATE is still refused.
ALTER TABLE consents ALTER CONSTRAINT consents_participant_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
CREATE OR REPLACE FUNCTION consents_withdraw_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM erasures WHERE participant_id = OLD.participant_id)
           AND NOT EXISTS (SELECT 1 FROM participants WHERE id = OLD.participant_id) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'consents are append-only: a consent can only be withdrawn, once';
    END IF;
    IF TG_OP <> 'UPDATE'
       OR OLD.withdrawn_at IS NOT NULL
       OR NEW.withdrawn_at IS NULL
       OR (NEW.id, NEW.participant_id, NEW.recipient_class, NEW.category, NEW.purpose,
           NEW.text_version_hash, NEW.given_at, NEW.given_by, NEW.method)
          IS DISTINCT FROM
          (OLD.id, OLD.participant_id, OLD.recipient_class, OLD.category, OLD.purpose,
           OLD.text_version_hash, OLD.given_at, OLD.given_by, OLD.method)
    THEN
        RAISE EXCEPTION 'consents are append-only: a consent can only be withdrawn, once';
    END IF;
    RETURN NEW;
END;
$$;
