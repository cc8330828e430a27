-- Restriction of processing (GDPR Art. 18, R43). Each restriction is kept with its history; while
-- one is in force (lifted_at IS NULL) the participant row carries restricted_since, which every
-- listing, the matching input, reminders and reports leave out. At most one in force per person.
ALTER TABLE participants ADD COLUMN restricted_since TIMESTAMPTZ;

CREATE TABLE processing_restrictions (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL REFERENCES participants(id),
    ground         TEXT NOT NULL CHECK (ground IN ('accuracy_contested', 'unlawful_processing', 'legal_claims', 'objection_pending')),
    reference      TEXT NOT NULL,
    set_at         TIMESTAMPTZ NOT NULL,
    set_by         TEXT NOT NULL,
    lifted_at      TIMESTAMPTZ,
    lifted_by      TEXT,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX processing_restrictions_participant ON processing_restrictions (participant_id);
CREATE UNIQUE INDEX processing_restrictions_one_in_force ON processing_restrictions (participant_id) WHERE lifted_at IS NULL;
CREATE INDEX participants_restricted ON participants (id) WHERE restricted_since IS NOT NULL;
