-- Employer users represent one or more employers of their project: an employer user sees the
-- proposals and placements of those employers only.
CREATE TABLE employer_users (
    user_id     BLOB NOT NULL REFERENCES users(id),
    employer_id BLOB NOT NULL REFERENCES employers(id),
    PRIMARY KEY (user_id, employer_id)
) STRICT;
CREATE INDEX employer_users_employer ON employer_users(employer_id);

-- Placements: a participant at an employer in a work trial, an education trial, a job, an
-- apprenticeship or a gig, from the proposal to its end (domain: polku_domain::work). Every
-- change is version-checked and audited. Free-text reasons are personal data in clear; nothing
-- here is special-category (what the person can do is disclosed through the share).
CREATE TABLE placements (
    id              BLOB PRIMARY KEY,
    project_id      BLOB NOT NULL REFERENCES projects(id),
    participant_id  BLOB NOT NULL REFERENCES participants(id),
    employer_id     BLOB NOT NULL REFERENCES employers(id),
    opening_id      BLOB REFERENCES openings(id),
    kind            TEXT NOT NULL CHECK (kind IN ('work_trial','education_trial','job','apprenticeship','gig')),
    pay_subsidy     INTEGER NOT NULL CHECK (pay_subsidy IN (0, 1)),
    state           TEXT NOT NULL CHECK (state IN ('prepared','proposed','agreed','active','completed','interrupted','declined','withdrawn')),
    tasks_json      TEXT NOT NULL,
    starts_on       TEXT NOT NULL,
    ends_on         TEXT,
    hours_per_day   INTEGER NOT NULL CHECK (hours_per_day BETWEEN 1 AND 12),
    days_per_week   INTEGER NOT NULL CHECK (days_per_week BETWEEN 1 AND 7),
    mentor_id       BLOB REFERENCES users(id),
    coach_id        BLOB NOT NULL REFERENCES users(id),
    proposed_by     BLOB NOT NULL REFERENCES users(id),
    proposed_at     TEXT,
    categories_json TEXT NOT NULL,
    answer          TEXT CHECK (answer IN ('yes','meet','no')),
    answer_reason   TEXT,
    answered_at     TEXT,
    answered_by     BLOB REFERENCES users(id),
    end_reason      TEXT,
    ended_on        TEXT,
    created_at      TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
CREATE INDEX placements_participant ON placements(participant_id);
CREATE INDEX placements_employer ON placements(employer_id, state);
CREATE INDEX placements_project_state ON placements(project_id, state);
CREATE INDEX placements_mentor ON placements(mentor_id);

-- The share a proposal creates with each employer user, so that ending the proposal revokes it.
ALTER TABLE shares ADD COLUMN placement_id BLOB REFERENCES placements(id);
CREATE INDEX shares_placement ON shares(placement_id);
