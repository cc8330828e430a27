-- Follow-ups after hiring (staying in work): a job or apprenticeship that starts gets one at 1, 3,
-- 6 and 12 months from its start, a completed work trial one a month after its end. The coach
-- records whether the person still works, the hours, the support given and whether the job needs
-- crafting again. Version-checked and audited; personal data in clear (like a placement's
-- reasons: the form asks about work, not health).
CREATE TABLE follow_ups (
    id               UUID PRIMARY KEY,
    placement_id     UUID NOT NULL REFERENCES placements(id),
    participant_id   UUID NOT NULL REFERENCES participants(id),
    checkpoint       TEXT NOT NULL CHECK (checkpoint IN ('1m','3m','6m','12m')),
    due_on           DATE NOT NULL,
    done_on          DATE,
    still_working    TEXT CHECK (still_working IN ('same_employer','other_employer','not_working')),
    hours_per_week   BIGINT CHECK (hours_per_week BETWEEN 0 AND 60),
    support_given    TEXT,
    needs_recrafting BOOLEAN NOT NULL,
    note             TEXT,
    recorded_by      UUID REFERENCES users(id),
    version          BIGINT NOT NULL CHECK (version >= 1),
    UNIQUE (placement_id, checkpoint)
);
CREATE INDEX follow_ups_participant ON follow_ups(participant_id);
CREATE INDEX follow_ups_open ON follow_ups(done_on, due_on);
