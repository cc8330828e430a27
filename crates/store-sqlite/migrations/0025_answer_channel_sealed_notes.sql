-- How the employer's answer to a proposal reached Polku: in the service (an employer user), or
-- by phone or e-mail to the coach or a coordinator, who records it with the employer's person
-- who answered (answered_at then holds the day told, answered_by who recorded it). Answers given
-- before this column existed stay NULL (unknown).
ALTER TABLE placements ADD COLUMN answer_via TEXT CHECK (answer_via IN ('service','phone','email'));
ALTER TABLE placements ADD COLUMN answer_contact TEXT;

-- Follow-up notes and the free-text terms of trial agreements may hold personal information:
-- they are sealed at rest like other participant free text (XChaCha20-Poly1305 under the
-- participant's data key, bound to table, column and row). The clear columns stay for rows
-- written before this migration; `polku migrate` (and `serve`) seal those right after the
-- schema migrations and empty the clear columns (`Service::seal_free_texts`).
ALTER TABLE follow_ups ADD COLUMN support_given_sealed BLOB;
ALTER TABLE follow_ups ADD COLUMN note_sealed BLOB;
ALTER TABLE trial_agreements ADD COLUMN other_terms_sealed BLOB;
