-- Employer relations: contacts with an employer (calls, visits, events, e-mails) and the needs
-- heard, hidden jobs (never advertised) included. Interactions may raise the cooperation depth.

CREATE TABLE employer_interactions (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL REFERENCES employers(id),
    by_user     UUID NOT NULL REFERENCES users(id),
    kind        TEXT NOT NULL CHECK (kind IN ('call','visit','event','email')),
    at          TIMESTAMPTZ NOT NULL,
    summary     TEXT NOT NULL
);
CREATE INDEX employer_interactions_employer ON employer_interactions(employer_id, at);

CREATE TABLE employer_needs (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL REFERENCES employers(id),
    description TEXT NOT NULL,
    hidden      BOOLEAN NOT NULL,
    heard_at    DATE NOT NULL
);
CREATE INDEX employer_needs_employer ON employer_needs(employer_id, heard_at);

-- Contact persons at an employer (personal data: reads and writes are audited).
CREATE TABLE employer_contacts (
    id          UUID PRIMARY KEY,
    employer_id UUID NOT NULL REFERENCES employers(id),
    name        TEXT NOT NULL,
    title       TEXT NOT NULL,
    email       TEXT,
    phone       TEXT
);
CREATE INDEX employer_contacts_employer ON employer_contacts(employer_id);
