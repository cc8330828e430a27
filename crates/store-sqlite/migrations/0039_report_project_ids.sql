-- The reports at national scale (issue 12 item 7; docs/ESF.md, "Performance"): a report reached
-- the project of a retention follow-up through its placement and participant, and the project of
-- an ESF+ record through its participant (a primary-key lookup per row). Each row now carries
-- its participant's project: participants never change project (no statement updates
-- participants.project_id), so the copy cannot go stale. Backfilled from the participant; a
-- follow-up or record whose participant is missing makes the migration fail (NOT NULL) instead
-- of losing the row.
-- SQLite cannot add a NOT NULL column with a foreign key, so both tables are rebuilt inside this
-- migration's transaction, every row kept (as 0038 did): no table refers to either, so the old
-- table is dropped and the new one renamed; their indexes are created again. Neither table has a
-- trigger.
CREATE TABLE follow_ups_0039 (
    id                   BLOB PRIMARY KEY,
    placement_id         BLOB NOT NULL REFERENCES placements(id),
    participant_id       BLOB NOT NULL REFERENCES participants(id),
    checkpoint           TEXT NOT NULL CHECK (checkpoint IN ('1m','3m','6m','12m')),
    due_on               TEXT NOT NULL,
    done_on              TEXT,
    still_working        TEXT CHECK (still_working IN ('same_employer','other_employer','not_working')),
    hours_per_week       INTEGER CHECK (hours_per_week BETWEEN 0 AND 60),
    support_given        TEXT,
    needs_recrafting     INTEGER NOT NULL CHECK (needs_recrafting IN (0, 1)),
    note                 TEXT,
    recorded_by          BLOB REFERENCES users(id),
    version              INTEGER NOT NULL CHECK (version >= 1),
    support_given_sealed BLOB,
    note_sealed          BLOB,
    -- The participant's project (never changes; see above).
    project_id           BLOB NOT NULL REFERENCES projects(id),
    UNIQUE (placement_id, checkpoint)
) STRICT;

INSERT INTO follow_ups_0039
       (id, placement_id, participant_id, checkpoint, due_on, done_on, still_working,
        hours_per_week, support_given, needs_recrafting, note, recorded_by, version,
        support_given_sealed, note_sealed, project_id)
SELECT f.id, f.placement_id, f.participant_id, f.checkpoint, f.due_on, f.done_on,
       f.still_working, f.hours_per_week, f.support_given, f.needs_recrafting, f.note,
       f.recorded_by, f.version, f.support_given_sealed, f.note_sealed,
       (SELECT p.project_id FROM participants p WHERE p.id = f.participant_id)
  FROM follow_ups f;

DROP TABLE follow_ups;
ALTER TABLE follow_ups_0039 RENAME TO follow_ups;

CREATE INDEX follow_ups_participant ON follow_ups(participant_id);
CREATE INDEX follow_ups_open ON follow_ups(done_on, due_on);
-- Retention follow-ups recorded in the period, per project (was 0035's, by day only): a range
-- per project of the scope, covering the retention count.
CREATE INDEX follow_ups_report
    ON follow_ups(project_id, done_on, checkpoint, still_working, participant_id)
    WHERE still_working IS NOT NULL;

CREATE TABLE esf_records_0039 (
    participant_id     BLOB PRIMARY KEY REFERENCES participants(id),
    entered_on         TEXT NOT NULL,
    gender             TEXT NOT NULL CHECK (gender IN ('woman','man','non_binary','declined','not_known')),
    labour_status      TEXT NOT NULL CHECK (labour_status IN ('unemployed','long_term_unemployed','inactive','employed','self_employed','declined','not_known')),
    education          TEXT NOT NULL CHECK (education IN ('primary_or_less','basic','upper_secondary','specialist_vocational','college','bachelor','master','doctoral','declined','not_known')),
    age_at_entry       INTEGER CHECK (age_at_entry BETWEEN 0 AND 255),
    municipality       TEXT NOT NULL,
    rural              TEXT NOT NULL CHECK (rural IN ('yes','no','not_known')),
    third_country      TEXT NOT NULL CHECK (third_country IN ('yes','no','declined','not_known')),
    foreign_background TEXT NOT NULL CHECK (foreign_background IN ('yes','no','declined','not_known')),
    homeless           TEXT NOT NULL CHECK (homeless IN ('yes','no','declined','not_known')),
    special_sealed     BLOB NOT NULL,
    left_on            TEXT,
    leaving_result     TEXT CHECK (leaving_result IN ('job_searching','in_education','employed','self_employed','other')),
    qualification      TEXT CHECK (qualification IN ('yes','no')),
    follow_up_due      TEXT,
    six_checked_on     TEXT,
    six_employed       TEXT CHECK (six_employed IN ('yes','no','declined','not_known')),
    six_improved       TEXT CHECK (six_improved IN ('yes','no','declined','not_known')),
    version            INTEGER NOT NULL CHECK (version >= 1),
    updated_at         TEXT NOT NULL,
    -- The participant's project (never changes; see above).
    project_id         BLOB NOT NULL REFERENCES projects(id),
    CHECK ((left_on IS NULL) = (leaving_result IS NULL)),
    CHECK ((left_on IS NULL) = (qualification IS NULL)),
    CHECK ((left_on IS NULL) = (follow_up_due IS NULL)),
    CHECK ((six_checked_on IS NULL) = (six_employed IS NULL)),
    CHECK ((six_checked_on IS NULL) = (six_improved IS NULL)),
    CHECK (six_checked_on IS NULL OR left_on IS NOT NULL)
) STRICT;

INSERT INTO esf_records_0039
       (participant_id, entered_on, gender, labour_status, education, age_at_entry,
        municipality, rural, third_country, foreign_background, homeless, special_sealed,
        left_on, leaving_result, qualification, follow_up_due, six_checked_on, six_employed,
        six_improved, version, updated_at, project_id)
SELECT e.participant_id, e.entered_on, e.gender, e.labour_status, e.education, e.age_at_entry,
       e.municipality, e.rural, e.third_country, e.foreign_background, e.homeless,
       e.special_sealed, e.left_on, e.leaving_result, e.qualification, e.follow_up_due,
       e.six_checked_on, e.six_employed, e.six_improved, e.version, e.updated_at,
       (SELECT p.project_id FROM participants p WHERE p.id = e.participant_id)
  FROM esf_records e;

DROP TABLE esf_records;
ALTER TABLE esf_records_0039 RENAME TO esf_records;

-- 0019's date indexes and 0037's covering indexes of the national counts, as they were.
CREATE INDEX esf_records_entered ON esf_records(entered_on);
CREATE INDEX esf_records_left ON esf_records(left_on) WHERE left_on IS NOT NULL;
CREATE INDEX esf_records_follow_up ON esf_records(follow_up_due) WHERE follow_up_due IS NOT NULL;
CREATE INDEX esf_records_entered_counts ON esf_records(entered_on, gender, labour_status,
    education, age_at_entry, third_country, foreign_background, homeless, municipality,
    participant_id, version, special_sealed);
CREATE INDEX esf_records_left_counts ON esf_records(left_on, gender, leaving_result,
    qualification, municipality, participant_id) WHERE left_on IS NOT NULL;
CREATE INDEX esf_records_six_counts ON esf_records(follow_up_due, gender, six_employed,
    six_improved, municipality, participant_id) WHERE follow_up_due IS NOT NULL;
-- The same three windows per project: a range per project of the scope, covering the counts
-- (and, for the entry window, the sealed-answer read, as 0037's). The leaving window's also
-- covers the results-on-leaving figure, so 0035's esf_records_left_report (by day, then the
-- participant's row for the project) is not made again.
CREATE INDEX esf_records_project_entered ON esf_records(project_id, entered_on, gender,
    labour_status, education, age_at_entry, third_country, foreign_background, homeless,
    municipality, participant_id, version, special_sealed);
CREATE INDEX esf_records_project_left ON esf_records(project_id, left_on, gender,
    leaving_result, qualification, municipality, participant_id) WHERE left_on IS NOT NULL;
CREATE INDEX esf_records_project_six ON esf_records(project_id, follow_up_due, gender,
    six_employed, six_improved, municipality, participant_id) WHERE follow_up_due IS NOT NULL;
-- 0035's placement index for the retention query's join to placements (a placement's project):
-- the retention count now reads the follow-up's own project, and nothing else reads it.
DROP INDEX placements_report_project;
