-- The ESF+ indicators at national scale (issue 12 item 7, bench/reports.sh; docs/ESF.md,
-- "Performance"). `EXPLAIN QUERY PLAN` of the indicator counts showed each date window read
-- through its one-column index and then every record's table row (about 60,000 a year
-- nationally, a random page each): 0.4–0.7 s per window on the benchmark machine, while the
-- index entries alone took 2–30 ms. These indexes hold every column the counts of their window
-- read (covering: no table row is read). The entry window's also holds the row version and the
-- sealed answers, so the sealed-answer read is covered too; that is the same ciphertext the row
-- holds (nothing opened, nothing new in clear), and it goes with the row on erasure.
CREATE INDEX esf_records_entered_counts ON esf_records(entered_on, gender, labour_status,
    education, age_at_entry, third_country, foreign_background, homeless, municipality,
    participant_id, version, special_sealed);
CREATE INDEX esf_records_left_counts ON esf_records(left_on, gender, leaving_result,
    qualification, municipality, participant_id) WHERE left_on IS NOT NULL;
CREATE INDEX esf_records_six_counts ON esf_records(follow_up_due, gender, six_employed,
    six_improved, municipality, participant_id) WHERE follow_up_due IS NOT NULL;
-- The sealed-answer read joins each record to its participant's wrapped data key: one search of
-- this index instead of the primary-key index and then the table row. It holds the wrapped key
-- the row holds and goes with the row on crypto-erasure.
CREATE INDEX participant_keys_wrapped ON participant_keys(participant_id, wrapped_key);
