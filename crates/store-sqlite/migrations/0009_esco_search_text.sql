-- Case-insensitive ESCO search that is right for å, ä and ö on both databases: SQLite's LIKE
-- folds ASCII letters only, and lower() depends on the database's locale. The store fills this
-- column with the labels lower-cased by Rust (Unicode) on every insert and update, and fills it
-- for rows already here when it migrates (NULL = not filled yet); searches match lower-case
-- patterns against it with plain LIKE.
ALTER TABLE esco_concepts ADD COLUMN search_text TEXT;
