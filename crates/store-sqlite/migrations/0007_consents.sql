-- Consent records (R16): one row per consent given, for one data category, one kind of
-- recipient and one purpose, with the hash of the exact wording shown. Append-only: a row is
-- never deleted, and the only change is its withdrawal, once (so the history keeps both).
-- INSERT OR REPLACE is refused too (it would delete the old row first).
CREATE TABLE consents (
    id                BLOB PRIMARY KEY,
    participant_id    BLOB NOT NULL REFERENCES participants(id),
    recipient_class   TEXT NOT NULL CHECK (recipient_class IN ('employer', 'mentor', 'institution')),
    category          TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    text_version_hash TEXT NOT NULL,
    given_at          TEXT NOT NULL,
    given_by          BLOB NOT NULL REFERENCES users(id),
    method            TEXT NOT NULL,
    withdrawn_at      TEXT,
    withdrawn_by      BLOB REFERENCES users(id),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
) STRICT;
CREATE INDEX consents_participant ON consents(participant_id);
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consents are append-only'); END;
CREATE TRIGGER consents_withdraw_only BEFORE UPDATE ON consents
WHEN OLD.withdrawn_at IS NOT NULL
  OR NEW.withdrawn_at IS NULL
  OR NEW.id IS NOT OLD.id
  OR NEW.participant_id IS NOT OLD.participant_id
  OR NEW.recipient_class IS NOT OLD.recipient_class
  OR NEW.category IS NOT OLD.category
  OR NEW.purpose IS NOT OLD.purpose
  OR NEW.text_version_hash IS NOT OLD.text_version_hash
  OR NEW.given_at IS NOT OLD.given_at
  OR NEW.given_by IS NOT OLD.given_by
  OR NEW.method IS NOT OLD.method
BEGIN SELECT RAISE(ABORT, 'a consent can only be withdrawn, once'); END;
