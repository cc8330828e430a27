-- Which organisation a staff account works for (issue 12 item 4): a partner organisation's
-- report counts the participants whose responsible coach works for it (docs/ESF.md,
-- "The organisation filter"). At most one organisation per account; none is "not recorded".

CREATE TABLE staff_organisations (
    user_id         UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations(id)
);
CREATE INDEX staff_organisations_organisation ON staff_organisations(organisation_id);
