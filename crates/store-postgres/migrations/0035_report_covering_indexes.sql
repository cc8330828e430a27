-- The reports at national scale (issue 12 item 7, bench/reports.sh; docs/ESF.md,
-- "Performance"). SQLite's 0035 adds covering indexes for every figure query; on PostgreSQL the
-- plans already use the date and key indexes well, and only the enrolment index gains the
-- columns the "enrolled" count and the days-from-enrolment histograms read, so those are
-- index-only scans (same version number on both databases).
DROP INDEX participants_enrolled;
CREATE INDEX participants_enrolled ON participants(project_id, created_at)
    INCLUDE (id, restricted_since);
