-- Passwords (Argon2id PHC strings) and opaque server-side sessions (R1, R8, R10).

CREATE TABLE user_credentials (
    user_id      UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    password_phc TEXT NOT NULL CHECK (password_phc LIKE '$argon2id$%'),
    changed_at   TIMESTAMPTZ NOT NULL
);

-- Only a SHA-256 hash of each session token is stored.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
