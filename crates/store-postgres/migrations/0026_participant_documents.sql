-- A participant's documents (issue 14 item 1): uploaded files (PDF, PNG, JPEG) and documents
-- generated from the participant's structured data (CV, strengths description, competence
-- summary, continuation plan, work certificate). A document is a title and a kind; each save
-- is a new version, kept and never changed. The title, the content and the coach's free text
-- are sealed under the participant's data key (XChaCha20-Poly1305, bound to table, column,
-- document and version), so erasing the key makes them unreadable.
CREATE TABLE participant_documents (
    id             UUID PRIMARY KEY,
    participant_id UUID NOT NULL REFERENCES participants(id),
    kind           TEXT NOT NULL CHECK (kind IN ('upload','cv','strengths','competence',
                                                 'continuation_plan','work_certificate')),
    title_sealed   BYTEA NOT NULL,
    -- The newest version's number: saving a version checks it (R50).
    version        BIGINT NOT NULL CHECK (version >= 1),
    created_by     UUID REFERENCES users(id),
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX participant_documents_participant ON participant_documents(participant_id);

CREATE TABLE document_versions (
    document_id    UUID NOT NULL REFERENCES participant_documents(id),
    -- Repeated from the document so that erasure finds every row by participant.
    participant_id UUID NOT NULL REFERENCES participants(id),
    version        BIGINT NOT NULL CHECK (version >= 1),
    content_type   TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
    size_bytes     BIGINT NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    -- The language a generated document is written in (fi, sv, en, fi-x-selko); NULL for uploads.
    language       TEXT,
    content_sealed BYTEA NOT NULL,
    -- The coach's free text in a generated document (e.g. the continuation plan's next steps).
    note_sealed    BYTEA,
    created_by     UUID REFERENCES users(id),
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document_id, version)
);

CREATE FUNCTION document_versions_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'document versions are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER document_versions_no_update BEFORE UPDATE ON document_versions
FOR EACH ROW EXECUTE FUNCTION document_versions_append_only();
