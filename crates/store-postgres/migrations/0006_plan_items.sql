-- The participant's plan: steps agreed with the coach. The text is sealed with the
-- participant's data key (like meeting notes), so crypto-erasure removes it too.
CREATE TABLE plan_items (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL REFERENCES participants(id),
    text_sealed    BYTEA NOT NULL,
    due            DATE,
    done_at        TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX plan_items_participant ON plan_items(participant_id);
