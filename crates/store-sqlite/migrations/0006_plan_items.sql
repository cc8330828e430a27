-- The participant's plan: steps agreed with the coach. The text is sealed with the
-- participant's data key (like meeting notes), so crypto-erasure removes it too.
CREATE TABLE plan_items (
    id             BLOB PRIMARY KEY,
    participant_id BLOB NOT NULL REFERENCES participants(id),
    text_sealed    BLOB NOT NULL,
    due            TEXT,
    done_at        TEXT,
    created_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX plan_items_participant ON plan_items(participant_id);
