-- R38: the audit chain in monthly segments (UTC). A closed month gets a sealed checkpoint that
-- outlives its entries, so whole expired segments can be deleted and the chain that remains
-- still verifies from the last deleted checkpoint (`polku audit prune`, `polku audit verify`).
CREATE TABLE audit_segments (
    month       TEXT PRIMARY KEY,
    first_seq   BIGINT NOT NULL UNIQUE,
    last_seq    BIGINT NOT NULL,
    entries     BIGINT NOT NULL,
    prev_hash   TEXT NOT NULL,
    last_hash   TEXT NOT NULL,
    sealed_at   TEXT NOT NULL,
    mac         TEXT NOT NULL,
    deleted_at  TEXT,
    deleted_seq BIGINT,
    CHECK (last_seq >= first_seq AND entries = last_seq - first_seq + 1)
);

-- A checkpoint continues the last one and names entries that exist, as they are.
CREATE TRIGGER audit_segments_next_only BEFORE INSERT ON audit_segments
WHEN NEW.first_seq IS NOT COALESCE((SELECT MAX(last_seq) FROM audit_segments), 0) + 1
  OR NEW.prev_hash IS NOT (SELECT prev_hash FROM audit_events WHERE seq = NEW.first_seq)
  OR NEW.last_hash IS NOT (SELECT entry_hash FROM audit_events WHERE seq = NEW.last_seq)
  OR NEW.deleted_at IS NOT NULL OR NEW.deleted_seq IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'audit_segments accepts only the next checkpoint of existing entries'); END;

-- A checkpoint is never deleted or rewritten. The one change is marking it deleted: once,
-- oldest first, naming the `segment_deleted` entry just appended (the chain head), which names
-- the segment and its checkpoint.
CREATE TRIGGER audit_segments_no_delete BEFORE DELETE ON audit_segments
BEGIN SELECT RAISE(ABORT, 'audit_segments cannot be deleted'); END;
CREATE TRIGGER audit_segments_mark_deleted_only BEFORE UPDATE ON audit_segments
WHEN OLD.deleted_at IS NOT NULL OR NEW.deleted_at IS NULL
  OR NEW.month IS NOT OLD.month OR NEW.first_seq IS NOT OLD.first_seq
  OR NEW.last_seq IS NOT OLD.last_seq OR NEW.entries IS NOT OLD.entries
  OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.last_hash IS NOT OLD.last_hash
  OR NEW.sealed_at IS NOT OLD.sealed_at OR NEW.mac IS NOT OLD.mac
  OR NEW.deleted_seq IS NOT (SELECT seq FROM audit_head WHERE id = 1)
  OR (SELECT action FROM audit_events WHERE seq = NEW.deleted_seq) IS NOT 'segment_deleted'
  OR (SELECT subject FROM audit_events WHERE seq = NEW.deleted_seq)
     IS NOT OLD.month || ':' || OLD.first_seq || '-' || OLD.last_seq || ':' || OLD.last_hash
  OR EXISTS (SELECT 1 FROM audit_segments s WHERE s.first_seq < OLD.first_seq AND s.deleted_at IS NULL)
BEGIN SELECT RAISE(ABORT, 'an audit checkpoint can only be marked deleted, oldest first, by a segment_deleted entry'); END;

-- Entries can be deleted only inside a segment marked deleted.
DROP TRIGGER audit_events_no_delete;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN NOT EXISTS (SELECT 1 FROM audit_segments s
                 WHERE s.deleted_at IS NOT NULL AND OLD.seq BETWEEN s.first_seq AND s.last_seq)
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
