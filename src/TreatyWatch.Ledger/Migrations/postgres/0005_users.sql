-- 0005 users (PostgreSQL): who may write through the web app, and the API tokens they use.
-- users: one row per version of a user, the latest row (highest seq) per name wins, as for states: adding a user is
-- a row, disabling one is a later row with disabled = 1 (nothing is updated). role: reviewer (may review reports)
-- or admin (may also import). password_hash: 'pbkdf2-sha512$<iterations>$<salt>$<hash>' (base64), never the
-- password; NULL when the user has no password (API tokens only). change: what this row records.
-- api_tokens: a token's SHA-256 (hex), never the token, which is shown once when issued; hint: its first
-- characters, to tell tokens apart in lists. A token works while its user's latest row is not disabled.

CREATE TABLE users (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text NOT NULL CHECK (name ~ '^[A-Za-z0-9._@-]{1,64}$'),
    role           text NOT NULL CHECK (role IN ('reviewer', 'admin')),
    password_hash  text CHECK (password_hash LIKE 'pbkdf2-sha512$%'),
    disabled       integer NOT NULL CHECK (disabled IN (0, 1)),
    change         text NOT NULL CHECK (change IN ('added', 'disabled')),
    recorded_at    text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by    text NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX users_name ON users (name, seq);

CREATE TABLE api_tokens (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name      text NOT NULL,
    token_hash     text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    hint           text NOT NULL,
    recorded_at    text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by    text NOT NULL CHECK (recorded_by <> '')
);

CREATE TRIGGER users_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER api_tokens_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
