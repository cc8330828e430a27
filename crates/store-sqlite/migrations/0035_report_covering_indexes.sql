-- The reports at national scale on SQLite (issue 12 item 7, bench/reports.sh; docs/ESF.md,
-- "Performance"). `EXPLAIN QUERY PLAN` of the figure queries showed two causes of slowness:
-- every join to participants and placements read the table row (large rows, a random page
-- each) for one or two columns, and an index whose second column was `project_id` made the
-- planner probe it once per project of the scope's `IN` list for every joined row (120 probes
-- per row in the national aggregate). These indexes hold every column the report queries read
-- (covering: no table row is read), and put `project_id` after a column the queries never
-- constrain, so it is read from the index and checked, not probed.

-- Participants enrolled in the period, per project: with the id and restriction (was 0029's).
DROP INDEX participants_enrolled;
CREATE INDEX participants_enrolled ON participants(project_id, created_at, id, restricted_since);
-- A participant by id, for the joins from records, placements and follow-ups.
CREATE INDEX participants_report_scope ON participants(id, created_at, project_id, restricted_since);
-- Results on leaving by day.
CREATE INDEX esf_records_left_report ON esf_records(left_on, leaving_result, participant_id)
    WHERE left_on IS NOT NULL;
-- Trials started and completed by day.
CREATE INDEX placements_report_trials
    ON placements(kind, state, starts_on, ended_on, project_id, participant_id);
-- A participant's first employer contact and first placement.
CREATE INDEX placements_report_first
    ON placements(participant_id, project_id, state, starts_on, proposed_at);
-- A placement's project, for the retention follow-ups.
CREATE INDEX placements_report_project ON placements(id, kind, project_id);
-- Retention follow-ups recorded in the period.
CREATE INDEX follow_ups_report
    ON follow_ups(done_on, checkpoint, still_working, participant_id, placement_id)
    WHERE still_working IS NOT NULL;
