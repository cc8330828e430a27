-- A real project from day one (issue 12, item 1): funding programme and specific objective,
-- the municipalities it works in, its partner organisations besides the lead, and the
-- deactivation of accounts (history kept; sessions ended by the service).

ALTER TABLE projects ADD COLUMN funding_programme TEXT;
ALTER TABLE projects ADD COLUMN specific_objective TEXT;
ALTER TABLE projects ADD COLUMN municipalities TEXT NOT NULL DEFAULT '[]';

CREATE TABLE project_partners (
    project_id      BLOB NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (project_id, organisation_id)
) STRICT;
CREATE INDEX project_partners_organisation ON project_partners(organisation_id);

ALTER TABLE users ADD COLUMN deactivated_at TEXT;
