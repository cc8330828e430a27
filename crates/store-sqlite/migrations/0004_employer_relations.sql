-- Employer relations: contacts with an employer (calls, visits, events, e-mails) and the needs
-- heard, hidden jobs (never advertised) included. Interactions may raise the cooperation depth.

CREATE TABLE employer_interactions (
    id          BLOB PRIMARY KEY,
    employer_id BLOB NOT NULL REFERENCES employers(id),
    by_user     BLOB NOT NULL REFERENCES users(id),
    kind        TEXT NOT NULL CHECK (kind IN ('call','visit','event','email')),
    at          TEXT NOT NULL,
    summary     TEXT NOT NULL
) STRICT;
CREATE INDEX employer_interactions_employer ON employer_interactions(employer_id, at);

CREATE TABLE employer_needs (
    id          BLOB PRIMARY KEY,
    employer_id BLOB NOT NULL REFERENCES employers(id),
    description TEXT NOT NULL,
    hidden      INTEGER NOT NULL,
    heard_at    TEXT NOT NULL
) STRICT;
CREATE INDEX employer_needs_employer ON employer_needs(employer_id, heard_at);

-- Contact persons at an employer (personal data: reads and writes are audited).
CREATE TABLE employer_contacts (
    id          BLOB PRIMARY KEY,
    employer_id BLOB NOT NULL REFERENCES employers(id),
    name        TEXT NOT NULL,
    title       TEXT NOT NULL,
    email       TEXT,
    phone       TEXT
) STRICT;
CREATE INDEX employer_contacts_employer ON employer_contacts(employer_id);
