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

-- A checkpoint continues the last one and names entries that exist, as they are. It is never
-- deleted or rewritten; the one change is marking it deleted: once, oldest first, naming the
-- `segment_deleted` entry just appended (the chain head), which names the segment and
-- its checkpoint.
CREATE FUNCTION audit_segments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.first_seq IS DISTINCT FROM COALESCE((SELECT MAX(last_seq) FROM audit_segments), 0) + 1
           OR NEW.prev_hash IS DISTINCT FROM (SELECT prev_hash FROM audit_events WHERE seq = NEW.first_seq)
           OR NEW.last_hash IS DISTINCT FROM (SELECT entry_hash FROM audit_events WHERE seq = NEW.last_seq)
           OR NEW.deleted_at IS NOT NULL OR NEW.deleted_seq IS NOT NULL THEN
            RAISE EXCEPTION 'audit_segments accepts only the next checkpoint of existing entries';
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD.deleted_at IS NOT NULL OR NEW.deleted_at IS NULL
           OR (NEW.month, NEW.first_seq, NEW.last_seq, NEW.entries, NEW.prev_hash, NEW.last_hash, NEW.sealed_at, NEW.mac)
              IS DISTINCT FROM (OLD.month, OLD.first_seq, OLD.last_seq, OLD.entries, OLD.prev_hash, OLD.last_hash, OLD.sealed_at, OLD.mac)
           OR NEW.deleted_seq IS DISTINCT FROM (SELECT seq FROM audit_head WHERE id = 1)
           OR (SELECT action FROM audit_events WHERE seq = NEW.deleted_seq) IS DISTINCT FROM 'segment_deleted'
           OR (SELECT subject FROM audit_events WHERE seq = NEW.deleted_seq)
              IS DISTINCT FROM OLD.month || ':' || OLD.first_seq || '-' || OLD.last_seq || ':' || OLD.last_hash
           OR EXISTS (SELECT 1 FROM audit_segments s WHERE s.first_seq < OLD.first_seq AND s.deleted_at IS NULL) THEN
            RAISE EXCEPTION 'an audit checkpoint can only be marked deleted, oldest first, by a segment_deleted entry';
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_segments cannot be deleted';
END;
$$;
CREATE TRIGGER audit_segments_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_segments
FOR EACH ROW EXECUTE FUNCTION audit_segments_guard();
CREATE TRIGGER audit_segments_no_truncate BEFORE TRUNCATE ON audit_segments
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Entries can be deleted only inside a segment marked deleted (updates stay refused).
DROP TRIGGER audit_events_no_change ON audit_events;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE FUNCTION audit_events_delete_pruned_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_segments s
                   WHERE s.deleted_at IS NOT NULL AND OLD.seq BETWEEN s.first_seq AND s.last_seq) THEN
        RAISE EXCEPTION 'audit_events is append-only';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_delete_pruned_only();

-- The controlled way to delete: the application role has no DELETE on audit_events (D18,
-- docs/SECURITY.md), so it deletes a marked segment's entries through this function, which
-- runs with its owner's (the schema owner's) rights and deletes nothing else.
CREATE FUNCTION audit_delete_segment_entries(p_month TEXT) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    n BIGINT;
BEGIN
    DELETE FROM audit_events e USING audit_segments s
    WHERE s.month = p_month AND s.deleted_at IS NOT NULL
      AND e.seq BETWEEN s.first_seq AND s.last_seq;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;
