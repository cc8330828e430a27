-- Consent records (R16): one row per consent given, for one data category, one kind of
-- recipient and one purpose, with the hash of the exact wording shown. Append-only: a row is
-- never deleted or truncated, and the only change is its withdrawal, once (so the history
-- keeps both).
CREATE TABLE consents (
    id                UUID PRIMARY KEY,
    participant_id    UUID NOT NULL REFERENCES participants(id),
    recipient_class   TEXT NOT NULL CHECK (recipient_class IN ('employer', 'mentor', 'institution')),
    category          TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    text_version_hash TEXT NOT NULL,
    given_at          TIMESTAMPTZ NOT NULL,
    given_by          UUID NOT NULL REFERENCES users(id),
    method            TEXT NOT NULL,
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_by      UUID REFERENCES users(id),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX consents_participant ON consents(participant_id);

CREATE FUNCTION consents_withdraw_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER consents_withdraw_only BEFORE UPDATE OR DELETE ON consents
FOR EACH ROW EXECUTE FUNCTION consents_withdraw_only();
CREATE TRIGGER consents_no_truncate BEFORE TRUNCATE ON consents
FOR EACH STATEMENT EXECUTE FUNCTION consents_withdraw_only();
