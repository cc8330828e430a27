-- The ESF+ indicators at national scale (issue 12 item 7, bench/reports.sh; docs/ESF.md,
-- "Performance"): each date window of the indicator counts was a bitmap heap scan of
-- esf_records (every record's table page read). These indexes INCLUDE every column the counts
-- of their window read, so the counts are index-only scans. The entry window's also includes
-- the row version and the sealed answers for the sealed-answer read; that is the same
-- ciphertext the row holds (nothing opened, nothing new in clear), and it goes with the row on
-- erasure. Same version number as SQLite's 0037.
CREATE INDEX esf_records_entered_counts ON esf_records(entered_on) INCLUDE (gender,
    labour_status, education, age_at_entry, third_country, foreign_background, homeless,
    municipality, participant_id, version, special_sealed);
CREATE INDEX esf_records_left_counts ON esf_records(left_on) INCLUDE (gender, leaving_result,
    qualification, municipality, participant_id) WHERE left_on IS NOT NULL;
CREATE INDEX esf_records_six_counts ON esf_records(follow_up_due) INCLUDE (gender,
    six_employed, six_improved, municipality, participant_id) WHERE follow_up_due IS NOT NULL;
-- The sealed-answer read joins each record to its participant's wrapped data key (index-only).
CREATE INDEX participant_keys_wrapped ON participant_keys(participant_id) INCLUDE (wrapped_key);
