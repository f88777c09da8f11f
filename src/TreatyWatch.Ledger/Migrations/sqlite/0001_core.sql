-- 0001 core (SQLite): the record of treaty actions and what they rest on.
-- Append-only: every table below refuses UPDATE and DELETE (triggers at the end). A correction is a new row
-- plus a row in supersessions; a new version of a state, group or treaty definition is a new row (latest wins).
-- Dates are ISO text (docs/ledger.md says why): day dates 'YYYY-MM-DD', partial dates 'YYYY', 'YYYY-MM' or
-- 'YYYY-MM-DD', instants 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (fixed width, so text order is time order).

CREATE TABLE imports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL CHECK (kind IN ('bundled', 'untc', 'csv', 'json')),
    origin        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    recorded_at   TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by   TEXT NOT NULL CHECK (recorded_by <> '')
);

CREATE TABLE states (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    iso3          TEXT NOT NULL CHECK (iso3 GLOB '[A-Z][A-Z][A-Z]'),
    name          TEXT NOT NULL,
    aliases       TEXT NOT NULL DEFAULT '',
    demonyms      TEXT NOT NULL DEFAULT '',
    capitals      TEXT NOT NULL DEFAULT '',
    parliaments   TEXT NOT NULL DEFAULT '',
    from_date     TEXT CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    until_date    TEXT CHECK (until_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    predecessors  TEXT NOT NULL DEFAULT '',
    note          TEXT,
    import_id     INTEGER REFERENCES imports (id),
    recorded_at   TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by   TEXT NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX states_iso3 ON states (iso3, seq);

CREATE TABLE state_groups (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL,
    aliases       TEXT NOT NULL DEFAULT '',
    members       TEXT NOT NULL DEFAULT '',
    note          TEXT,
    import_id     INTEGER REFERENCES imports (id),
    recorded_at   TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by   TEXT NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX state_groups_name ON state_groups (name, seq);

CREATE TABLE treaty_definitions (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    treaty_id     TEXT NOT NULL CHECK (treaty_id <> ''),
    definition    TEXT NOT NULL,
    origin        TEXT,
    import_id     INTEGER REFERENCES imports (id),
    loaded_at     TEXT NOT NULL CHECK (loaded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    loaded_by     TEXT NOT NULL CHECK (loaded_by <> '')
);
CREATE INDEX treaty_definitions_id ON treaty_definitions (treaty_id, seq);

-- A source's key is its identity: the first record of a key stands (a different source gets a new key).
CREATE TABLE sources (
    key           TEXT PRIMARY KEY CHECK (key <> ''),
    kind          TEXT NOT NULL CHECK (kind IN ('depositary', 'official', 'monitor', 'news', 'dataset', 'web')),
    title         TEXT NOT NULL,
    url           TEXT,
    published     TEXT CHECK (published GLOB '[0-9][0-9][0-9][0-9]' OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    cn_number     TEXT,
    outlet        TEXT,
    quote         TEXT,
    quote_start   INTEGER,
    quote_end     INTEGER,
    import_id     INTEGER REFERENCES imports (id),
    recorded_at   TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by   TEXT NOT NULL CHECK (recorded_by <> ''),
    CHECK (quote_end IS NULL OR quote_start IS NULL OR quote_end >= quote_start)
);

-- seq is the record order: acts on the same day keep the order in which they were recorded.
CREATE TABLE actions (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE CHECK (id <> ''),
    treaty_id       TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state GLOB '[A-Z][A-Z][A-Z]'),
    action          TEXT NOT NULL,
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    known           TEXT NOT NULL CHECK (known GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    votes_for       INTEGER,
    votes_against   INTEGER,
    votes_abstain   INTEGER,
    votes_required  INTEGER,
    effective       TEXT CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    by_whom         TEXT,
    objects_to      TEXT,
    note            TEXT,
    origin          TEXT,
    review_state    TEXT NOT NULL CHECK (review_state IN ('official', 'confirmed', 'reported', 'rejected')),
    certainty       TEXT NOT NULL CHECK (certainty IN ('official', 'corroborated', 'reported', 'disputed')),
    import_id       INTEGER REFERENCES imports (id),
    recorded_at     TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by     TEXT NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX actions_treaty ON actions (treaty_id, seq);
CREATE INDEX actions_state ON actions (state, treaty_id);

CREATE TABLE action_sources (
    action_id     TEXT NOT NULL REFERENCES actions (id),
    position      INTEGER NOT NULL CHECK (position >= 0),
    source_key    TEXT NOT NULL REFERENCES sources (key),
    PRIMARY KEY (action_id, position)
);

-- A correction: new_id replaces old_id from the day new_id is known. Each record is corrected at most once
-- (a second correction corrects the first), and each correction replaces one record.
CREATE TABLE supersessions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    old_id        TEXT NOT NULL UNIQUE REFERENCES actions (id),
    new_id        TEXT NOT NULL UNIQUE REFERENCES actions (id),
    why           TEXT NOT NULL CHECK (why <> ''),
    recorded_at   TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by   TEXT NOT NULL CHECK (recorded_by <> ''),
    CHECK (old_id <> new_id)
);

-- An armed-conflict period; a later row with supersedes = id replaces it (an end date learned later).
CREATE TABLE armed_conflicts (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE CHECK (id <> ''),
    state         TEXT NOT NULL CHECK (state GLOB '[A-Z][A-Z][A-Z]'),
    start_date    TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date      TEXT CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    name          TEXT NOT NULL,
    sources       TEXT NOT NULL DEFAULT '',
    note          TEXT,
    supersedes    TEXT UNIQUE REFERENCES armed_conflicts (id),
    why           TEXT,
    import_id     INTEGER REFERENCES imports (id),
    recorded_at   TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by   TEXT NOT NULL CHECK (recorded_by <> ''),
    CHECK (end_date IS NULL OR end_date > start_date),
    CHECK (supersedes IS NULL OR why IS NOT NULL)
);

CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on imports is refused'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on imports is refused'); END;
CREATE TRIGGER states_no_update BEFORE UPDATE ON states BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on states is refused'); END;
CREATE TRIGGER states_no_delete BEFORE DELETE ON states BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on states is refused'); END;
CREATE TRIGGER state_groups_no_update BEFORE UPDATE ON state_groups BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on state_groups is refused'); END;
CREATE TRIGGER state_groups_no_delete BEFORE DELETE ON state_groups BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on state_groups is refused'); END;
CREATE TRIGGER treaty_definitions_no_update BEFORE UPDATE ON treaty_definitions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on treaty_definitions is refused'); END;
CREATE TRIGGER treaty_definitions_no_delete BEFORE DELETE ON treaty_definitions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on treaty_definitions is refused'); END;
CREATE TRIGGER sources_no_update BEFORE UPDATE ON sources BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on sources is refused'); END;
CREATE TRIGGER sources_no_delete BEFORE DELETE ON sources BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on sources is refused'); END;
CREATE TRIGGER actions_no_update BEFORE UPDATE ON actions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on actions is refused'); END;
CREATE TRIGGER actions_no_delete BEFORE DELETE ON actions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on actions is refused'); END;
CREATE TRIGGER action_sources_no_update BEFORE UPDATE ON action_sources BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on action_sources is refused'); END;
CREATE TRIGGER action_sources_no_delete BEFORE DELETE ON action_sources BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on action_sources is refused'); END;
CREATE TRIGGER supersessions_no_update BEFORE UPDATE ON supersessions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on supersessions is refused'); END;
CREATE TRIGGER supersessions_no_delete BEFORE DELETE ON supersessions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on supersessions is refused'); END;
CREATE TRIGGER armed_conflicts_no_update BEFORE UPDATE ON armed_conflicts BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on armed_conflicts is refused'); END;
CREATE TRIGGER armed_conflicts_no_delete BEFORE DELETE ON armed_conflicts BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on armed_conflicts is refused'); END;
