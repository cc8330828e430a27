-- Data-subject requests (GDPR Art. 12(3), R39): access/export, erasure and rectification
-- requests with the date received and the date due (one month later); done_on is set when the
-- export or erasure is made, or by hand. The subject is named by id only (no foreign key, no
-- participant_id column): the record of a request stays after the person is erased, as the
-- tombstone does, to show the request was answered in time.
CREATE TABLE subject_requests (
    id          BLOB PRIMARY KEY,
    subject_id  BLOB NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('access', 'erasure', 'rectification')),
    received_on TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    done_on     TEXT,
    done_by     TEXT,
    CHECK ((done_on IS NULL) = (done_by IS NULL)),
    CHECK (due_on > received_on)
) STRICT;
CREATE INDEX subject_requests_open ON subject_requests (due_on) WHERE done_on IS NULL;
CREATE INDEX subject_requests_subject ON subject_requests (subject_id);
