-- The employer's legal form: which pay-subsidy rules it may get (100 % only for associations,
-- foundations and religious communities; municipalities only for reduced work ability and 60+
-- long-term unemployed from 2025-01-01; nothing for the state). NULL while not recorded.
ALTER TABLE employers ADD COLUMN legal_form TEXT CHECK (legal_form IN
    ('company','sole_trader','association','foundation','religious_community','municipality','state','other'));
