-- Foundation schema. Every table is classified in docs/SECURITY.md (data classification).
-- Special-category data is stored only sealed (*_sealed columns); there is no diagnosis column.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    id          BLOB PRIMARY KEY,
    name        TEXT NOT NULL,
    business_id TEXT UNIQUE,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE projects (
    id              BLOB PRIMARY KEY,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    regions         TEXT NOT NULL,
    target_groups   TEXT NOT NULL,
    starts_on       TEXT NOT NULL,
    ends_on         TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id           BLOB PRIMARY KEY,
    email        TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    active       INTEGER NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE user_roles (
    user_id    BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('admin','manager','coach','coordinator','employer','mentor','institution','participant')),
    project_id BLOB REFERENCES projects(id),
    CHECK ((role = 'admin') = (project_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX user_roles_unique ON user_roles(user_id, role, ifnull(project_id, x''));

CREATE TABLE activation_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT;

CREATE TABLE participants (
    id                BLOB PRIMARY KEY,
    project_id        BLOB NOT NULL REFERENCES projects(id),
    coach_id          BLOB REFERENCES users(id),
    user_id           BLOB REFERENCES users(id),
    family_name       TEXT NOT NULL,
    given_name        TEXT NOT NULL,
    home_municipality TEXT NOT NULL,
    stage             TEXT NOT NULL CHECK (stage IN ('enrolled','assessment','coaching','trial','job_or_education','retention','exited')),
    waiting_since     TEXT NOT NULL,
    personal_json     TEXT NOT NULL,
    hetu_sealed       BLOB,
    hetu_lookup       TEXT,
    sensitive_sealed  BLOB NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX participants_caseload ON participants(project_id, coach_id);
CREATE UNIQUE INDEX participants_hetu ON participants(project_id, hetu_lookup) WHERE hetu_lookup IS NOT NULL;

-- Per-participant data keys, wrapped by the master key. Deleting a row crypto-erases.
CREATE TABLE participant_keys (
    participant_id BLOB PRIMARY KEY REFERENCES participants(id),
    wrapped_key    BLOB NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE shares (
    id             BLOB PRIMARY KEY,
    participant_id BLOB NOT NULL REFERENCES participants(id),
    recipient_id   BLOB NOT NULL REFERENCES users(id),
    categories     TEXT NOT NULL,
    until          TEXT NOT NULL,
    revoked_at     TEXT
) STRICT;
CREATE INDEX shares_participant ON shares(participant_id);

CREATE TABLE meetings (
    id             BLOB PRIMARY KEY,
    participant_id BLOB NOT NULL REFERENCES participants(id),
    coach_id       BLOB NOT NULL REFERENCES users(id),
    starts_at      TEXT NOT NULL,
    duration_min   INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 480),
    place          TEXT NOT NULL CHECK (place IN ('office','outside_office','remote','pop_up')),
    notes_sealed   BLOB NOT NULL
) STRICT;
CREATE INDEX meetings_participant ON meetings(participant_id, starts_at);

CREATE TABLE employers (
    id             BLOB PRIMARY KEY,
    project_id     BLOB NOT NULL REFERENCES projects(id),
    coordinator_id BLOB REFERENCES users(id),
    business_id    TEXT NOT NULL,
    name           TEXT NOT NULL,
    industry_tol   TEXT NOT NULL,
    size           TEXT NOT NULL CHECK (size IN ('micro','small','medium','large')),
    municipalities TEXT NOT NULL,
    cooperation    TEXT NOT NULL CHECK (cooperation IN ('contacted','engaged','deeper')),
    mentor_available INTEGER NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1),
    UNIQUE (project_id, business_id)
) STRICT;

CREATE TABLE tasks (
    id           BLOB PRIMARY KEY,
    employer_id  BLOB NOT NULL REFERENCES employers(id),
    title        TEXT NOT NULL,
    body_json    TEXT NOT NULL,
    hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
    value        INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    version      INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
CREATE INDEX tasks_employer ON tasks(employer_id);

CREATE TABLE openings (
    id           BLOB PRIMARY KEY,
    employer_id  BLOB NOT NULL REFERENCES employers(id),
    kind         TEXT NOT NULL CHECK (kind IN ('job','work_trial','education_trial','apprenticeship','gig')),
    title        TEXT NOT NULL,
    body_json    TEXT NOT NULL,
    capacity     INTEGER NOT NULL CHECK (capacity >= 1),
    version      INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
CREATE INDEX openings_employer ON openings(employer_id);

CREATE TABLE esco_concepts (
    uri        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('skill','occupation','isco')),
    label_fi   TEXT,
    label_sv   TEXT,
    label_en   TEXT,
    alt_labels TEXT NOT NULL
) STRICT;

-- The audit chain (R35, R36): append-only, enforced by triggers.
CREATE TABLE audit_events (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    actor_role   TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject      TEXT,
    action       TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    entry_hash   TEXT NOT NULL
) STRICT;
CREATE INDEX audit_subject ON audit_events(subject, seq);
CREATE INDEX audit_actor ON audit_events(actor, seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
-- Only the next entry may be inserted: this also stops INSERT OR REPLACE of an old entry,
-- which would not fire the DELETE trigger.
CREATE TRIGGER audit_events_only_next BEFORE INSERT ON audit_events
WHEN NEW.seq IS NOT (SELECT seq FROM audit_head WHERE id = 1) + 1
BEGIN SELECT RAISE(ABORT, 'audit_events accepts only the next entry'); END;

-- The head of the chain; one row. Serialises appends and detects truncation of the tail.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The head only moves forward one entry at a time and cannot be removed or duplicated.
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.seq IS NOT OLD.seq + 1 OR NEW.id IS NOT OLD.id
BEGIN SELECT RAISE(ABORT, 'audit_head only moves forward'); END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END;
CREATE TRIGGER audit_head_no_insert BEFORE INSERT ON audit_head
BEGIN SELECT RAISE(ABORT, 'audit_head has exactly one row'); END;
