-- Foundation schema. Every table is classified in docs/SECURITY.md (data classification).
-- Special-category data is stored only sealed (*_sealed columns); there is no diagnosis column.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organisations (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    business_id TEXT UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE projects (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations(id),
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    regions         TEXT NOT NULL,
    target_groups   TEXT NOT NULL,
    starts_on       DATE NOT NULL,
    ends_on         DATE NOT NULL
);

CREATE TABLE users (
    id           UUID PRIMARY KEY,
    email        TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    active       BOOLEAN NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE user_roles (
    user_id    UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('admin','manager','coach','coordinator','employer','mentor','institution','participant')),
    project_id UUID REFERENCES projects(id),
    CHECK ((role = 'admin') = (project_id IS NULL))
);
CREATE UNIQUE INDEX user_roles_unique ON user_roles(user_id, role, coalesce(project_id, '00000000-0000-0000-0000-000000000000'));

CREATE TABLE activation_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

CREATE TABLE participants (
    id                UUID PRIMARY KEY,
    project_id        UUID NOT NULL REFERENCES projects(id),
    coach_id          UUID REFERENCES users(id),
    user_id           UUID REFERENCES users(id),
    family_name       TEXT NOT NULL,
    given_name        TEXT NOT NULL,
    home_municipality TEXT NOT NULL,
    stage             TEXT NOT NULL CHECK (stage IN ('enrolled','assessment','coaching','trial','job_or_education','retention','exited')),
    waiting_since     DATE NOT NULL,
    personal_json     TEXT NOT NULL,
    hetu_sealed       BYTEA,
    hetu_lookup       TEXT,
    sensitive_sealed  BYTEA NOT NULL,
    version           BIGINT NOT NULL CHECK (version >= 1),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX participants_caseload ON participants(project_id, coach_id);
CREATE UNIQUE INDEX participants_hetu ON participants(project_id, hetu_lookup) WHERE hetu_lookup IS NOT NULL;

-- Per-participant data keys, wrapped by the master key. Deleting a row crypto-erases.
CREATE TABLE participant_keys (
    participant_id UUID PRIMARY KEY REFERENCES participants(id),
    wrapped_key    BYTEA NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE shares (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL REFERENCES participants(id),
    recipient_id   UUID NOT NULL REFERENCES users(id),
    categories     TEXT NOT NULL,
    until          DATE NOT NULL,
    revoked_at     TIMESTAMPTZ
);
CREATE INDEX shares_participant ON shares(participant_id);

CREATE TABLE meetings (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL REFERENCES participants(id),
    coach_id       UUID NOT NULL REFERENCES users(id),
    starts_at      TIMESTAMPTZ NOT NULL,
    duration_min   BIGINT  NOT NULL CHECK (duration_min BETWEEN 5 AND 480),
    place          TEXT NOT NULL CHECK (place IN ('office','outside_office','remote','pop_up')),
    notes_sealed   BYTEA NOT NULL
);
CREATE INDEX meetings_participant ON meetings(participant_id, starts_at);

CREATE TABLE employers (
    id             UUID PRIMARY KEY,
    project_id     UUID NOT NULL REFERENCES projects(id),
    coordinator_id UUID REFERENCES users(id),
    business_id    TEXT NOT NULL,
    name           TEXT NOT NULL,
    industry_tol   TEXT NOT NULL,
    size           TEXT NOT NULL CHECK (size IN ('micro','small','medium','large')),
    municipalities TEXT NOT NULL,
    cooperation    TEXT NOT NULL CHECK (cooperation IN ('contacted','engaged','deeper')),
    mentor_available BOOLEAN NOT NULL,
    version        BIGINT NOT NULL CHECK (version >= 1),
    UNIQUE (project_id, business_id)
);

CREATE TABLE tasks (
    id           UUID PRIMARY KEY,
    employer_id  UUID NOT NULL REFERENCES employers(id),
    title        TEXT NOT NULL,
    body_json    TEXT NOT NULL,
    hours_per_week BIGINT  NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
    value        BIGINT  NOT NULL CHECK (value BETWEEN 1 AND 5),
    version      BIGINT NOT NULL CHECK (version >= 1)
);
CREATE INDEX tasks_employer ON tasks(employer_id);

CREATE TABLE openings (
    id           UUID PRIMARY KEY,
    employer_id  UUID NOT NULL REFERENCES employers(id),
    kind         TEXT NOT NULL CHECK (kind IN ('job','work_trial','education_trial','apprenticeship','gig')),
    title        TEXT NOT NULL,
    body_json    TEXT NOT NULL,
    capacity     BIGINT  NOT NULL CHECK (capacity >= 1),
    version      BIGINT NOT NULL CHECK (version >= 1)
);
CREATE INDEX openings_employer ON openings(employer_id);

CREATE TABLE esco_concepts (
    uri        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('skill','occupation','isco')),
    label_fi   TEXT,
    label_sv   TEXT,
    label_en   TEXT,
    alt_labels TEXT NOT NULL
);

-- The audit chain (R35, R36): append-only, enforced by a trigger.
CREATE TABLE audit_events (
    seq          BIGINT PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    actor_role   TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject      TEXT,
    action       TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    entry_hash   TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit_events(subject, seq);
CREATE INDEX audit_actor ON audit_events(actor, seq);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- The head of the chain; one row. Locked FOR UPDATE by every append, which serialises the
-- chain, and detects truncation of the tail.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Only the next entry may be inserted, and the head only moves forward one entry at a time.
CREATE FUNCTION audit_events_only_next() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.seq IS DISTINCT FROM (SELECT seq FROM audit_head WHERE id = 1) + 1 THEN
        RAISE EXCEPTION 'audit_events accepts only the next entry';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_events_only_next BEFORE INSERT ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_only_next();

CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.seq IS DISTINCT FROM OLD.seq + 1 OR NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'audit_head only moves forward';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_head_forward_only BEFORE INSERT OR UPDATE OR DELETE ON audit_head
FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
