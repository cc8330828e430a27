-- The manager's figures at national scale (issue 12 item 7, bench/reports.sh): participants
-- enrolled in a period, per project, are found by a range on the enrolment time instead of a
-- pass over every participant of the projects (docs/ESF.md, "Performance").
CREATE INDEX participants_enrolled ON participants(project_id, created_at);
