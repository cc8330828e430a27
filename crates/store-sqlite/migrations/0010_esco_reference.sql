-- ESCO reference data shipped with Polku (data/esco/), loaded on first start and by
-- `polku migrate` (its version is kept in meta under 'esco_reference_version').

-- Polku's own working translations: a non-NULL working_fi / working_sv marks label_fi / label_sv
-- as Polku's working translation (not official ESCO) and holds its alternative labels
-- (newline-separated). Importing an official pack replaces the label and clears the mark.
ALTER TABLE esco_concepts ADD COLUMN working_fi TEXT;
ALTER TABLE esco_concepts ADD COLUMN working_sv TEXT;
-- search_text now holds stemmed words (fi, sv and en Snowball stems); NULL makes the store
-- refill it when it migrates.
UPDATE esco_concepts SET search_text = NULL;

-- The skills pillar hierarchy: concept → broader concept (skills and skill groups).
CREATE TABLE esco_broader (
    uri         TEXT NOT NULL,
    broader_uri TEXT NOT NULL,
    PRIMARY KEY (uri, broader_uri)
) STRICT;

-- Skill-to-skill relations (ESCO's skillSkillRelations).
CREATE TABLE esco_skill_relations (
    skill_uri     TEXT NOT NULL,
    relation_type TEXT NOT NULL CHECK (relation_type IN ('essential','optional')),
    related_uri   TEXT NOT NULL,
    PRIMARY KEY (skill_uri, related_uri)
) STRICT;

-- Each occupation's essential and optional skills.
CREATE TABLE esco_occupation_skills (
    occupation_uri TEXT NOT NULL,
    relation_type  TEXT NOT NULL CHECK (relation_type IN ('essential','optional')),
    skill_uri      TEXT NOT NULL,
    PRIMARY KEY (occupation_uri, relation_type, skill_uri)
) STRICT;
