-- Minimisation by default (R42): the optional fields of the participant record an organisation
-- has switched on (`polku_domain::OptionalField`). No row is off, the default; a row is on.
-- docs/SECURITY.md, "Minimisation by default (R42)".

CREATE TABLE organisation_optional_fields (
    organisation_id UUID NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    field           TEXT NOT NULL CHECK (field IN
                        ('hetu', 'phone', 'birth_year', 'foreign_background', 'disability')),
    PRIMARY KEY (organisation_id, field)
);
