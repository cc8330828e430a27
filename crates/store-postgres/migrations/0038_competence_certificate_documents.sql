-- Issue 14 item 4: the competence certificate (osaamistodistus) is kept as a participant's
-- document like the other generated documents, so the kind CHECK admits 'competence_certificate'.
ALTER TABLE participant_documents DROP CONSTRAINT participant_documents_kind_check;
ALTER TABLE participant_documents ADD CONSTRAINT participant_documents_kind_check
    CHECK (kind IN ('upload','cv','strengths','competence','continuation_plan',
                    'work_certificate','competence_certificate'));
