-- R35: every audit entry names the data categories it touched, its outcome and the request it
-- happened in. Entries written before this migration keep NULL here; the chain's hash leaves
-- absent fields out, so they still verify (`polku audit verify`).
ALTER TABLE audit_events ADD COLUMN categories TEXT;
ALTER TABLE audit_events ADD COLUMN outcome TEXT;
ALTER TABLE audit_events ADD COLUMN request_id TEXT;

-- D24: a share is made for one purpose (placement or transition), and the recipient sees only
-- the groups the participant consented to for that purpose. Shares made before this were all
-- made for placements.
ALTER TABLE shares ADD COLUMN purpose TEXT NOT NULL DEFAULT 'placement'
    CHECK (purpose IN ('placement', 'transition'));
