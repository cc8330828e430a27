-- Workplace mentoring (työpaikkaohjaaja): check-ins, per-task feedback, the organiser's written
-- feedback with the participant's self-assessment, and the evidence it offers the coach. Every
-- table carries participant_id (erasure and the subject export). Notes, written feedback and
-- what a piece of evidence proposes (a functioning level is special category) are sealed with
-- the participant's data key.
CREATE TABLE mentor_checkins (
    id             UUID PRIMARY KEY,
    placement_id   UUID NOT NULL REFERENCES placements(id),
    participant_id UUID NOT NULL REFERENCES participants(id),
    mentor_id      UUID NOT NULL REFERENCES users(id),
    held_on        DATE NOT NULL,
    minutes        BIGINT NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    note_sealed    BYTEA NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX mentor_checkins_placement ON mentor_checkins(placement_id, held_on);
CREATE INDEX mentor_checkins_participant ON mentor_checkins(participant_id);

CREATE TABLE task_feedback (
    id             UUID PRIMARY KEY,
    placement_id   UUID NOT NULL REFERENCES placements(id),
    participant_id UUID NOT NULL REFERENCES participants(id),
    task_id        UUID NOT NULL REFERENCES tasks(id),
    level          TEXT NOT NULL CHECK (level IN ('independent','with_support','not_yet')),
    note_sealed    BYTEA NOT NULL,
    given_by       UUID NOT NULL REFERENCES users(id),
    given_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_feedback_placement ON task_feedback(placement_id, given_at);
CREATE INDEX task_feedback_participant ON task_feedback(participant_id);

CREATE TABLE placement_feedback (
    placement_id           UUID PRIMARY KEY REFERENCES placements(id),
    participant_id         UUID NOT NULL REFERENCES participants(id),
    organiser_sealed       BYTEA,
    next_steps_sealed      BYTEA,
    given_by               UUID REFERENCES users(id),
    given_at               TIMESTAMPTZ,
    self_assessment_sealed BYTEA,
    self_assessed_by       UUID REFERENCES users(id),
    self_assessed_at       TIMESTAMPTZ,
    version                BIGINT NOT NULL CHECK (version >= 1)
);
CREATE INDEX placement_feedback_participant ON placement_feedback(participant_id);

CREATE TABLE evidence (
    id              UUID PRIMARY KEY,
    participant_id  UUID NOT NULL REFERENCES participants(id),
    placement_id    UUID NOT NULL REFERENCES placements(id),
    kind            TEXT NOT NULL CHECK (kind IN ('skill','functioning')),
    what_sealed     BYTEA NOT NULL,
    source_employer TEXT NOT NULL,
    source_from     DATE NOT NULL,
    source_to       DATE,
    state           TEXT NOT NULL CHECK (state IN ('open','accepted','rejected')),
    decided_by      UUID REFERENCES users(id),
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT NOT NULL CHECK (version >= 1)
);
CREATE INDEX evidence_participant ON evidence(participant_id, state);
CREATE INDEX evidence_placement ON evidence(placement_id);
