-- Referrals between organisations (issue 14 items 2 and 3).
--
-- Incoming: an institution refers a final-year student to a project (the school-to-work
-- handover), or a coach records a referral from Ohjaamo, the employment services, social
-- services or another project. Outgoing: a coach refers a participant to rehabilitation,
-- health services, education or another project, with the date, reason and outcome.
--
-- The handed-over data of an institution's referral (contact details, goals, strengths and
-- support needs: functional limitations only, never diagnoses) is one sealed blob. While the
-- referral is pending it is sealed under the referral's own data key (`wrapped_key`, wrapped by
-- the master key); on acceptance it is sealed again under the new participant's data key and
-- the referral key is dropped; on a decline or withdrawal both are deleted. Attached documents
-- and the student's consent live in their own tables only while the referral is pending: an
-- acceptance moves them to the participant's documents and consents.
CREATE TABLE referrals (
    id              UUID PRIMARY KEY,
    direction       TEXT NOT NULL CHECK (direction IN ('incoming','outgoing')),
    source          TEXT CHECK (source IN ('institution','ohjaamo','employment_services',
                                           'social_services','other_project','other')),
    destination     TEXT CHECK (destination IN ('rehabilitation','health_services','education',
                                                'other_project','other')),
    -- The referring (incoming) or receiving (outgoing) organisation's name.
    organisation    TEXT NOT NULL,
    -- The user who made the referral (an institution's user) or recorded it (a coach).
    referred_by     UUID REFERENCES users(id),
    -- The target project (incoming) or the participant's project (outgoing).
    project_id      UUID NOT NULL REFERENCES projects(id),
    -- NULL only for an institution's referral not yet accepted.
    participant_id  UUID REFERENCES participants(id),
    referred_on     DATE NOT NULL,
    reason          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending','accepted','declined','withdrawn',
                                                    'sent','started','completed','not_started',
                                                    'ended')),
    -- Why a referral was declined.
    status_reason   TEXT,
    outcome         TEXT,
    outcome_on      DATE,
    decided_by      UUID REFERENCES users(id),
    decided_at      TIMESTAMPTZ,
    handover_sealed BYTEA,
    wrapped_key     BYTEA,
    version         BIGINT NOT NULL CHECK (version >= 1),
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK ((direction = 'incoming' AND source IS NOT NULL AND destination IS NULL)
        OR (direction = 'outgoing' AND destination IS NOT NULL AND source IS NULL))
);

CREATE INDEX referrals_project ON referrals(project_id, status);
CREATE INDEX referrals_participant ON referrals(participant_id);
CREATE INDEX referrals_referred_by ON referrals(referred_by);

-- The student's consent to the handover (purpose `transition`), one row per category, as
-- `consents` records it: the wording's hash, who recorded it, when and how.
CREATE TABLE referral_consents (
    referral_id       UUID NOT NULL REFERENCES referrals(id),
    category          TEXT NOT NULL CHECK (category IN ('contact','skills','languages','goals',
                                                        'functioning','documents')),
    text_version_hash TEXT NOT NULL,
    given_at          TIMESTAMPTZ NOT NULL,
    given_by          UUID NOT NULL REFERENCES users(id),
    method            TEXT NOT NULL CHECK (method IN ('written','in_meeting','electronic')),
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_by      UUID REFERENCES users(id),
    PRIMARY KEY (referral_id, category)
);

-- Documents attached to a pending referral, sealed under the referral's data key.
CREATE TABLE referral_documents (
    id             UUID PRIMARY KEY,
    referral_id    UUID NOT NULL REFERENCES referrals(id),
    title_sealed   BYTEA NOT NULL,
    content_type   TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
    size_bytes     BIGINT NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    content_sealed BYTEA NOT NULL,
    created_by     UUID REFERENCES users(id),
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX referral_documents_referral ON referral_documents(referral_id);
