-- Service-path history: every change of a participant's stage, written in the same
-- transaction as the update that made it. Stage names and times only, no personal data.
CREATE TABLE participant_stage_changes (
    id             INTEGER PRIMARY KEY,
    participant_id BLOB NOT NULL REFERENCES participants(id),
    from_stage     TEXT NOT NULL,
    to_stage       TEXT NOT NULL,
    changed_at     TEXT NOT NULL,
    changed_by     TEXT NOT NULL
) STRICT;
CREATE INDEX participant_stage_changes_participant ON participant_stage_changes(participant_id, id);
