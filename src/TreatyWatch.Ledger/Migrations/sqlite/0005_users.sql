-- 0005 users (SQLite): who may write through the web app, and the API tokens they use.
-- users: one row per version of a user, the latest row (highest seq) per name wins, as for states: adding a user is
-- a row, disabling one is a later row with disabled = 1 (nothing is updated). role: reviewer (may review reports)
-- or admin (may also import). password_hash: 'pbkdf2-sha512$<iterations>$<salt>$<hash>' (base64), never the
-- password; NULL when the user has no password (API tokens only). change: what this row records.
-- api_tokens: a token's SHA-256 (hex), never the token, which is shown once when issued; hint: its first
-- characters, to tell tokens apart in lists. A token works while its user's latest row is not disabled.

CREATE TABLE users (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^A-Za-z0-9._@-]*'),
    role           TEXT NOT NULL CHECK (role IN ('reviewer', 'admin')),
    password_hash  TEXT CHECK (password_hash GLOB 'pbkdf2-sha512$*'),
    disabled       INTEGER NOT NULL CHECK (disabled IN (0, 1)),
    change         TEXT NOT NULL CHECK (change IN ('added', 'disabled')),
    recorded_at    TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by    TEXT NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX users_name ON users (name, seq);

CREATE TABLE api_tokens (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name      TEXT NOT NULL,
    token_hash     TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    hint           TEXT NOT NULL,
    recorded_at    TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by    TEXT NOT NULL CHECK (recorded_by <> '')
);

CREATE TRIGGER users_no_update BEFORE UPDATE ON users BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on users is refused'); END;
CREATE TRIGGER users_no_delete BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on users is refused'); END;
CREATE TRIGGER api_tokens_no_update BEFORE UPDATE ON api_tokens BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on api_tokens is refused'); END;
CREATE TRIGGER api_tokens_no_delete BEFORE DELETE ON api_tokens BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on api_tokens is refused'); END;
