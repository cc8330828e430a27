-- Gigs (keikkatyö): a small employer's one-off work on one day, posted by an employer user or a
-- coordinator (domain: polku_domain::gig). No personal data of participants: an offered gig is
-- a placement of kind gig that refers to it, and the result is recorded on that placement.
CREATE TABLE gigs (
    id           UUID PRIMARY KEY,
    project_id   UUID NOT NULL REFERENCES projects(id),
    employer_id  UUID NOT NULL REFERENCES employers(id),
    posted_by    UUID NOT NULL REFERENCES users(id),
    on_date      DATE NOT NULL,
    starts_at    TEXT NOT NULL,
    minutes      BIGINT NOT NULL CHECK (minutes BETWEEN 30 AND 720 AND minutes % 30 = 0),
    municipality TEXT NOT NULL,
    place        TEXT NOT NULL,
    tasks_json   TEXT NOT NULL,
    places       BIGINT NOT NULL CHECK (places BETWEEN 1 AND 20),
    state        TEXT NOT NULL CHECK (state IN ('open','filled','cancelled','done')),
    created_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT NOT NULL CHECK (version >= 1)
);
CREATE INDEX gigs_project_state ON gigs(project_id, state, on_date);
CREATE INDEX gigs_employer ON gigs(employer_id, on_date);

-- The gig an offer fills, and the hours actually worked (the result; NULL when not recorded or
-- when the gig did not happen).
ALTER TABLE placements ADD COLUMN gig_id UUID REFERENCES gigs(id);
ALTER TABLE placements ADD COLUMN gig_minutes BIGINT CHECK (gig_minutes BETWEEN 30 AND 720);
CREATE INDEX placements_gig ON placements(gig_id);
