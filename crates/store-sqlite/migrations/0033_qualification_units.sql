-- Opinnollistaminen (issue 14, item 4). Reference data: qualification units (tutkinnon osat) per
-- peruste version (diaarinumero) and their vocational skill requirements, imported from
-- ePerusteet JSON; texts are LocalText JSON ({"fi", "sv"?, "en"?}). A requirement's id is derived
-- from unit code + diaarinumero + key, so a re-import updates the same row.
CREATE TABLE qualification_units (
    code               TEXT NOT NULL CHECK (code LIKE 'tutkinnonosat_%'),
    diaarinumero       TEXT NOT NULL,
    peruste_id         INTEGER NOT NULL,
    qualification_code TEXT,
    qualification_name_json TEXT NOT NULL,
    name_json          TEXT NOT NULL,
    osp                REAL,
    valid_from         TEXT,
    valid_to           TEXT,
    source_version     INTEGER,
    source             TEXT NOT NULL,
    imported_at        TEXT NOT NULL,
    PRIMARY KEY (code, diaarinumero)
) STRICT;

CREATE TABLE qualification_requirements (
    id           BLOB PRIMARY KEY,
    unit_code    TEXT NOT NULL,
    diaarinumero TEXT NOT NULL,
    req_key      TEXT NOT NULL,
    position     INTEGER NOT NULL CHECK (position >= 1),
    area_json    TEXT,
    text_json    TEXT NOT NULL,
    FOREIGN KEY (unit_code, diaarinumero) REFERENCES qualification_units(code, diaarinumero),
    UNIQUE (unit_code, diaarinumero, req_key)
) STRICT;

-- Which requirement items an employer's task gives a chance to show (many-to-many).
CREATE TABLE task_requirements (
    task_id        BLOB NOT NULL REFERENCES tasks(id),
    requirement_id BLOB NOT NULL REFERENCES qualification_requirements(id),
    mapped_by      BLOB NOT NULL REFERENCES users(id),
    mapped_at      TEXT NOT NULL,
    PRIMARY KEY (task_id, requirement_id)
) STRICT;
CREATE INDEX task_requirements_requirement ON task_requirements(requirement_id);

-- Participant data: evidence per requirement item recorded during a placement. The note is
-- sealed with the participant's data key.
CREATE TABLE qualification_evidence (
    id             BLOB PRIMARY KEY,
    participant_id BLOB NOT NULL REFERENCES participants(id),
    placement_id   BLOB NOT NULL REFERENCES placements(id),
    requirement_id BLOB NOT NULL REFERENCES qualification_requirements(id),
    task_id        BLOB NOT NULL REFERENCES tasks(id),
    shown_on       TEXT NOT NULL,
    assessment     TEXT NOT NULL CHECK (assessment IN ('shown', 'partly_shown', 'not_yet_shown')),
    note_sealed    BLOB NOT NULL,
    recorded_by    BLOB NOT NULL REFERENCES users(id),
    recorded_at    TEXT NOT NULL
) STRICT;
CREATE INDEX qualification_evidence_placement ON qualification_evidence(placement_id, shown_on);
CREATE INDEX qualification_evidence_participant ON qualification_evidence(participant_id);
