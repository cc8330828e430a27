-- The reports at national scale (issue 12 item 7; docs/ESF.md, "Performance"): a report reached
-- the project of a retention follow-up through its placement and participant, and the project of
-- an ESF+ record through its participant. Each row now carries its participant's project:
-- participants never change project (no statement updates participants.project_id), so the copy
-- cannot go stale. Backfilled from the participant, then NOT NULL (a row whose participant is
-- missing makes the migration fail instead of being lost). Same version number as SQLite's 0039,
-- which rebuilds the two tables.
-- The indexes are made before the backfill: an index created after an UPDATE in the same
-- transaction is marked `indcheckxmin` and is not used while any transaction older than this
-- one runs (seen on the benchmark database: every report query ignored them).
ALTER TABLE follow_ups ADD COLUMN project_id UUID REFERENCES projects(id);
ALTER TABLE esf_records ADD COLUMN project_id UUID REFERENCES projects(id);

-- Retention follow-ups recorded in the period, per project: a range per project of the scope,
-- index-only for the retention count.
CREATE INDEX follow_ups_report ON follow_ups(project_id, done_on)
    INCLUDE (checkpoint, still_working, participant_id) WHERE still_working IS NOT NULL;
-- The three ESF+ windows per project (0037's are by day only, for the national counts): index-only
-- for the counts of one project (and, for the entry window, the sealed-answer read). The leaving
-- window's also covers the results-on-leaving figure.
CREATE INDEX esf_records_project_entered ON esf_records(project_id, entered_on) INCLUDE (gender,
    labour_status, education, age_at_entry, third_country, foreign_background, homeless,
    municipality, participant_id, version, special_sealed);
CREATE INDEX esf_records_project_left ON esf_records(project_id, left_on) INCLUDE (gender,
    leaving_result, qualification, municipality, participant_id) WHERE left_on IS NOT NULL;
CREATE INDEX esf_records_project_six ON esf_records(project_id, follow_up_due) INCLUDE (gender,
    six_employed, six_improved, municipality, participant_id) WHERE follow_up_due IS NOT NULL;

UPDATE follow_ups f SET project_id = p.project_id FROM participants p WHERE p.id = f.participant_id;
ALTER TABLE follow_ups ALTER COLUMN project_id SET NOT NULL;
UPDATE esf_records e SET project_id = p.project_id FROM participants p WHERE p.id = e.participant_id;
ALTER TABLE esf_records ALTER COLUMN project_id SET NOT NULL;
