-- The written agreement of a work or education trial (polku_domain::agreement): the objective,
-- the parties and the expense allowance; the terms (dates, hours, tasks) are the placement's.
-- Every change raises `version`; an acceptance names the version it was given to, and one of an
-- older version is void (a change after approval needs new approvals).
CREATE TABLE trial_agreements (
    placement_id           UUID PRIMARY KEY REFERENCES placements(id),
    participant_id         UUID NOT NULL REFERENCES participants(id),
    objective              TEXT NOT NULL,
    signatory_name         TEXT NOT NULL,
    signatory_title        TEXT NOT NULL,
    authority_name         TEXT NOT NULL,
    authority_organisation TEXT NOT NULL,
    authority_contact      TEXT NOT NULL,
    mentor_name            TEXT,
    allowance_per_day      BIGINT NOT NULL CHECK (allowance_per_day IN (9, 18)),
    allowance_payer        TEXT NOT NULL CHECK (allowance_payer IN ('kela','authority')),
    other_terms            TEXT NOT NULL,
    version                BIGINT NOT NULL CHECK (version >= 1),
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX trial_agreements_participant ON trial_agreements(participant_id);

-- Each party's acceptance of one version: in the service by the party's own user, or on paper
-- as recorded by the coach (then `signer_name` names who signed).
CREATE TABLE agreement_acceptances (
    placement_id      UUID NOT NULL REFERENCES trial_agreements(placement_id),
    participant_id    UUID NOT NULL REFERENCES participants(id),
    party             TEXT NOT NULL CHECK (party IN ('participant','organiser','authority','coach')),
    accepted_by       UUID REFERENCES users(id),
    signer_name       TEXT,
    method            TEXT NOT NULL CHECK (method IN ('service','paper')),
    accepted_at       TIMESTAMPTZ NOT NULL,
    agreement_version BIGINT NOT NULL CHECK (agreement_version >= 1),
    PRIMARY KEY (placement_id, party, agreement_version)
);
CREATE INDEX agreement_acceptances_participant ON agreement_acceptances(participant_id);
