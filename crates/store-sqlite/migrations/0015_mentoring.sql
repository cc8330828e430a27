-- Workplace mentoring (työpaikkaohjaaja): check-ins, per-task feedback, the organiser's written
-- feedback with the participant's self-assessment, and the evidence it offers the coach. Every
-- table carries participant_id (erasure and the subject export). Notes, written feedback and
-- what a piece of evidence proposes (a functioning level is special category) are sealed with
-- the participant's data key.
CREATE TABLE mentor_checkins (
    id             BLOB PRIMARY KEY,
    placement_id   BLOB NOT NULL REFERENCES placements(id),
    participant_id BLOB NOT NULL REFERENCES participants(id),
    mentor_id      BLOB NOT NULL REFERENCES users(id),
    held_on        TEXT NOT NULL,
    minutes        INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    note_sealed    BLOB NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX mentor_checkins_placement ON mentor_checkins(placement_id, held_on);
CREATE INDEX mentor_checkins_participant ON mentor_checkins(participant_id);

CREATE TABLE task_feedback (
    id             BLOB PRIMARY KEY,
    placement_id   BLOB NOT NULL REFERENCES placements(id),
    participant_id BLOB NOT NULL REFERENCES participants(id),
    task_id        BLOB NOT NULL REFERENCES tasks(id),
    level          TEXT NOT NULL CHECK (level IN ('independent','with_support','not_yet')),
    note_sealed    BLOB NOT NULL,
    given_by       BLOB NOT NULL REFERENCES users(id),
    given_at       TEXT NOT NULL
) STRICT;
CREATE INDEX task_feedback_placement ON task_feedback(placement_id, given_at);
CREATE INDEX task_feedback_participant ON task_feedback(participant_id);

CREATE TABLE placement_feedback (
    placement_id           BLOB PRIMARY KEY REFERENCES placements(id),
    participant_id         BLOB NOT NULL REFERENCES participants(id),
    organiser_sealed       BLOB,
    next_steps_sealed      BLOB,
    given_by               BLOB REFERENCES users(id),
    given_at               TEXT,
    self_assessment_sealed BLOB,
    self_assessed_by       BLOB REFERENCES users(id),
    self_assessed_at       TEXT,
    version                INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
CREATE INDEX placement_feedback_participant ON placement_feedback(participant_id);

CREATE TABLE evidence (
    id              BLOB PRIMARY KEY,
    participant_id  BLOB NOT NULL REFERENCES participants(id),
    placement_id    BLOB NOT NULL REFERENCES placements(id),
    kind            TEXT NOT NULL CHECK (kind IN ('skill','functioning')),
    what_sealed     BLOB NOT NULL,
    source_employer TEXT NOT NULL,
    source_from     TEXT NOT NULL,
    source_to       TEXT,
    state           TEXT NOT NULL CHECK (state IN ('open','accepted','rejected')),
    decided_by      BLOB REFERENCES users(id),
    decided_at      TEXT,
    created_at      TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
CREATE INDEX evidence_participant ON evidence(participant_id, state);
CREATE INDEX evidence_placement ON evidence(placement_id);
