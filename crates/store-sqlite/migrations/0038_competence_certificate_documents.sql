-- Issue 14 item 4: the competence certificate (osaamistodistus) is kept as a participant's
-- document like the other generated documents, so the kind CHECK admits 'competence_certificate'.
-- SQLite cannot alter a CHECK, so both document tables are rebuilt the safe way inside this
-- migration's transaction, every row kept: new tables are filled first, the child table
-- referring to the new parent; the old child, then the old parent are dropped (no row refers to
-- it any more, so no foreign key is broken); renaming the new parent rewrites the child's
-- reference to the final name. The index and the append-only trigger are created again.
CREATE TABLE participant_documents_0038 (
    id             BLOB PRIMARY KEY,
    participant_id BLOB NOT NULL REFERENCES participants(id),
    kind           TEXT NOT NULL CHECK (kind IN ('upload','cv','strengths','competence',
                                                 'continuation_plan','work_certificate',
                                                 'competence_certificate')),
    title_sealed   BLOB NOT NULL,
    -- The newest version's number: saving a version checks it (R50).
    version        INTEGER NOT NULL CHECK (version >= 1),
    created_by     BLOB REFERENCES users(id),
    created_at     TEXT NOT NULL
) STRICT;

INSERT INTO participant_documents_0038
       (id, participant_id, kind, title_sealed, version, created_by, created_at)
SELECT id, participant_id, kind, title_sealed, version, created_by, created_at
  FROM participant_documents;

CREATE TABLE document_versions_0038 (
    document_id    BLOB NOT NULL REFERENCES participant_documents_0038(id),
    -- Repeated from the document so that erasure finds every row by participant.
    participant_id BLOB NOT NULL REFERENCES participants(id),
    version        INTEGER NOT NULL CHECK (version >= 1),
    content_type   TEXT NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
    size_bytes     INTEGER NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    -- The language a generated document is written in (fi, sv, en, fi-x-selko); NULL for uploads.
    language       TEXT,
    content_sealed BLOB NOT NULL,
    -- The coach's free text in a generated document (e.g. the continuation plan's next steps).
    note_sealed    BLOB,
    created_by     BLOB REFERENCES users(id),
    created_at     TEXT NOT NULL,
    PRIMARY KEY (document_id, version)
) STRICT;

INSERT INTO document_versions_0038
       (document_id, participant_id, version, content_type, size_bytes, language,
        content_sealed, note_sealed, created_by, created_at)
SELECT document_id, participant_id, version, content_type, size_bytes, language,
       content_sealed, note_sealed, created_by, created_at
  FROM document_versions;

DROP TABLE document_versions;
DROP TABLE participant_documents;
ALTER TABLE participant_documents_0038 RENAME TO participant_documents;
ALTER TABLE document_versions_0038 RENAME TO document_versions;

CREATE INDEX participant_documents_participant ON participant_documents(participant_id);

CREATE TRIGGER document_versions_no_update BEFORE UPDATE ON document_versions
BEGIN
    SELECT RAISE(ABORT, 'document versions are append-only');
END;
