-- IPS-25 fidelity self-assessment (issue 12 item 6): the manager's ratings of the items the case
-- log cannot give, one row per rating. A new rating is the item's next version; older versions
-- are kept (the history of the assessment) and never changed. No participant data.
CREATE TABLE fidelity_ratings (
    project_id BLOB NOT NULL REFERENCES projects(id),
    item       INTEGER NOT NULL CHECK (item BETWEEN 1 AND 25),
    version    INTEGER NOT NULL CHECK (version >= 1),
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    note       TEXT NOT NULL,
    rated_by   BLOB NOT NULL REFERENCES users(id),
    rated_at   TEXT NOT NULL,
    PRIMARY KEY (project_id, item, version)
) STRICT;

CREATE TRIGGER fidelity_ratings_no_update BEFORE UPDATE ON fidelity_ratings
BEGIN
    SELECT RAISE(ABORT, 'fidelity ratings are append-only');
END;
