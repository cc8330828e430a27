-- Sign-in hardening: when the session's user last proved the second factor (step-up, R19).
-- Set when the session is created by a code and again by each step-up; empty for sessions
-- of accounts without a second factor (demo mode).
ALTER TABLE sessions ADD COLUMN second_factor_at TEXT;
