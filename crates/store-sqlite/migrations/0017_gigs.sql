-- Gigs (keikkatyö): a small employer's one-off work on one day, posted by an employer user or a
-- coordinator (domain: polku_domain::gig). No personal data of participants: an offered gig is
-- a placement of kind gig that refers to it, and the result is recorded on that placement.
CREATE TABLE gigs (
    id           BLOB PRIMARY KEY,
    project_id   BLOB NOT NULL REFERENCES projects(id),
    employer_id  BLOB NOT NULL REFERENCES employers(id),
    posted_by    BLOB NOT NULL REFERENCES users(id),
    on_date      TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 30 AND 720 AND minutes % 30 = 0),
    municipality TEXT NOT NULL,
    place        TEXT NOT NULL,
    tasks_json   TEXT NOT NULL,
    places       INTEGER NOT NULL CHECK (places BETWEEN 1 AND 20),
    state        TEXT NOT NULL CHECK (state IN ('open','filled','cancelled','done')),
    created_at   TEXT NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
CREATE INDEX gigs_project_state ON gigs(project_id, state, on_date);
CREATE INDEX gigs_employer ON gigs(employer_id, on_date);

-- The gig an offer fills, and the hours actually worked (the result; NULL when not recorded or
-- when the gig did not happen).
ALTER TABLE placements ADD COLUMN gig_id BLOB REFERENCES gigs(id);
ALTER TABLE placements ADD COLUMN gig_minutes INTEGER CHECK (gig_minutes BETWEEN 30 AND 720);
CREATE INDEX placements_gig ON placements(gig_id);
