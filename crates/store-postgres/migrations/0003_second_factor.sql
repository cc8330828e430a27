-- TOTP second factor and recovery codes (R3); sessions that still wait for a factor.

-- The TOTP secret is sealed with the master key (XChaCha20-Poly1305); `last_step` is the last
-- 30-second step accepted, so each code works once.
CREATE TABLE user_totp (
    user_id       UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_sealed BYTEA NOT NULL,
    confirmed_at  TIMESTAMPTZ,
    last_step     BIGINT NOT NULL DEFAULT 0
);

-- Single-use recovery codes, stored only as keyed hashes.
CREATE TABLE recovery_codes (
    user_id   UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

-- 'full': signed in; 'second_factor': password given, code missing; 'enrol': must set up a factor.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full'
    CHECK (stage IN ('full', 'second_factor', 'enrol'));
