-- Employer users represent one or more employers of their project: an employer user sees the
-- proposals and placements of those employers only.
CREATE TABLE employer_users (
    user_id     UUID NOT NULL REFERENCES users(id),
    employer_id UUID NOT NULL REFERENCES employers(id),
    PRIMARY KEY (user_id, employer_id)
);
CREATE INDEX employer_users_employer ON employer_users(employer_id);

-- Placements: a participant at an employer in a work trial, an education trial, a job, an
-- apprenticeship or a gig, from the proposal to its end (domain: polku_domain::work). Every
-- change is version-checked and audited. Free-text reasons are personal data in clear; nothing
-- here is special-category (what the person can do is disclosed through the share).
CREATE TABLE placements (
    id              UUID PRIMARY KEY,
    project_id      UUID NOT NULL REFERENCES projects(id),
    participant_id  UUID NOT NULL REFERENCES participants(id),
    employer_id     UUID NOT NULL REFERENCES employers(id),
    opening_id      UUID REFERENCES openings(id),
    kind            TEXT NOT NULL CHECK (kind IN ('work_trial','education_trial','job','apprenticeship','gig')),
    pay_subsidy     BOOLEAN NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('prepared','proposed','agreed','active','completed','interrupted','declined','withdrawn')),
    tasks_json      TEXT NOT NULL,
    starts_on       DATE NOT NULL,
    ends_on         DATE,
    hours_per_day   BIGINT   NOT NULL CHECK (hours_per_day BETWEEN 1 AND 12),
    days_per_week   BIGINT   NOT NULL CHECK (days_per_week BETWEEN 1 AND 7),
    mentor_id       UUID REFERENCES users(id),
    coach_id        UUID NOT NULL REFERENCES users(id),
    proposed_by     UUID NOT NULL REFERENCES users(id),
    proposed_at     TIMESTAMPTZ,
    categories_json TEXT NOT NULL,
    answer          TEXT CHECK (answer IN ('yes','meet','no')),
    answer_reason   TEXT,
    answered_at     TIMESTAMPTZ,
    answered_by     UUID REFERENCES users(id),
    end_reason      TEXT,
    ended_on        DATE,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT NOT NULL CHECK (version >= 1)
);
CREATE INDEX placements_participant ON placements(participant_id);
CREATE INDEX placements_employer ON placements(employer_id, state);
CREATE INDEX placements_project_state ON placements(project_id, state);
CREATE INDEX placements_mentor ON placements(mentor_id);

-- The share a proposal creates with each employer user, so that ending the proposal revokes it.
ALTER TABLE shares ADD COLUMN placement_id UUID REFERENCES placements(id);
CREATE INDEX shares_placement ON shares(placement_id);
