-- TOTP second factor and recovery codes (R3); sessions that still wait for a factor.

-- The TOTP secret is sealed with the master key (XChaCha20-Poly1305); `last_step` is the last
-- 30-second step accepted, so each code works once.
CREATE TABLE user_totp (
    user_id       BLOB PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_sealed BLOB NOT NULL,
    confirmed_at  TEXT,
    last_step     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Single-use recovery codes, stored only as keyed hashes.
CREATE TABLE recovery_codes (
    user_id   BLOB NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   TEXT,
    PRIMARY KEY (user_id, code_hash)
) STRICT;

-- 'full': signed in; 'second_factor': password given, code missing; 'enrol': must set up a factor.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full'
    CHECK (stage IN ('full', 'second_factor', 'enrol'));
