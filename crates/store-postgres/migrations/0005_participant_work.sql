-- Service-path history: every change of a participant's stage, written in the same
-- transaction as the update that made it. Stage names and times only, no personal data.
CREATE TABLE participant_stage_changes (
    id             BIGSERIAL PRIMARY KEY,
    participant_id UUID NOT NULL REFERENCES participants(id),
    from_stage     TEXT NOT NULL,
    to_stage       TEXT NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL,
    changed_by     TEXT NOT NULL
);
CREATE INDEX participant_stage_changes_participant ON participant_stage_changes(participant_id, id);
