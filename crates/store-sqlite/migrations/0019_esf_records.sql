-- ESF+ participant records (Regulation (EU) 2021/1057 Annex I; domain: polku_domain::esf): the
-- entry data, the result on leaving and the six-month follow-up, one row per participant.
-- Every answer is a code in its own column so the indicators are counted with one
-- `SUM(CASE …) … GROUP BY gender` (docs/ESF.md); 'declined' and 'not_known' are kept apart.
-- The special-category answers (disability, minority) are only in special_sealed, sealed with
-- the participant's data key; the service opens them to count them (docs/SECURITY.md).
CREATE TABLE esf_records (
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
    CHECK ((left_on IS NULL) = (leaving_result IS NULL)),
    CHECK ((left_on IS NULL) = (qualification IS NULL)),
    CHECK ((left_on IS NULL) = (follow_up_due IS NULL)),
    CHECK ((six_checked_on IS NULL) = (six_employed IS NULL)),
    CHECK ((six_checked_on IS NULL) = (six_improved IS NULL)),
    CHECK (six_checked_on IS NULL OR left_on IS NOT NULL)
) STRICT;
CREATE INDEX esf_records_entered ON esf_records(entered_on);
CREATE INDEX esf_records_left ON esf_records(left_on) WHERE left_on IS NOT NULL;
CREATE INDEX esf_records_follow_up ON esf_records(follow_up_due) WHERE follow_up_due IS NOT NULL;
