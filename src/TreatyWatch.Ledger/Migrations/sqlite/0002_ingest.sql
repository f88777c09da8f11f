-- 0002 ingest (SQLite): articles, the events extracted from them, and the reviews that decide them.
-- An article is stored once (content_hash UNIQUE), an event once per article, kind and evidence span: ingesting
-- the same article twice adds nothing. A review's decision is a row; the action it produces (confirm, edit) is a
-- new row in actions that points back to the event.

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    content_hash   TEXT NOT NULL UNIQUE CHECK (content_hash <> ''),
    url            TEXT,
    outlet         TEXT,
    title          TEXT,
    published      TEXT,
    language       TEXT,
    cleaned_text   TEXT NOT NULL,
    metadata       TEXT NOT NULL DEFAULT '{}',
    recorded_at    TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by    TEXT NOT NULL CHECK (recorded_by <> '')
);

CREATE TABLE extracted_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES articles (id),
    state           TEXT CHECK (state GLOB '[A-Z][A-Z][A-Z]'),
    treaty_id       TEXT,
    action          TEXT NOT NULL,
    date            TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    votes_for       INTEGER,
    votes_against   INTEGER,
    votes_abstain   INTEGER,
    votes_required  INTEGER,
    evidence        TEXT NOT NULL,
    evidence_start  INTEGER NOT NULL CHECK (evidence_start >= 0),
    evidence_end    INTEGER NOT NULL,
    cluster_id      TEXT,
    extractor       TEXT NOT NULL,
    recorded_at     TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by     TEXT NOT NULL CHECK (recorded_by <> ''),
    CHECK (evidence_end >= evidence_start),
    UNIQUE (article_id, action, evidence_start, evidence_end)
);
CREATE INDEX extracted_events_cluster ON extracted_events (cluster_id);

CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      INTEGER NOT NULL REFERENCES extracted_events (id),
    decision      TEXT NOT NULL CHECK (decision IN ('confirm', 'reject', 'merge', 'edit')),
    merged_into   INTEGER REFERENCES extracted_events (id),
    action_id     TEXT REFERENCES actions (id),
    reason        TEXT NOT NULL CHECK (reason <> ''),
    reviewed_at   TEXT NOT NULL CHECK (reviewed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    reviewed_by   TEXT NOT NULL CHECK (reviewed_by <> ''),
    CHECK ((decision = 'merge') = (merged_into IS NOT NULL))
);
CREATE INDEX reviews_event ON reviews (event_id, id);

-- The event a reported or confirmed action came from, and the article a news source quotes.
ALTER TABLE actions ADD COLUMN event_id INTEGER REFERENCES extracted_events (id);
ALTER TABLE sources ADD COLUMN article_id INTEGER REFERENCES articles (id);

CREATE TRIGGER articles_no_update BEFORE UPDATE ON articles BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on articles is refused'); END;
CREATE TRIGGER articles_no_delete BEFORE DELETE ON articles BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on articles is refused'); END;
CREATE TRIGGER extracted_events_no_update BEFORE UPDATE ON extracted_events BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on extracted_events is refused'); END;
CREATE TRIGGER extracted_events_no_delete BEFORE DELETE ON extracted_events BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on extracted_events is refused'); END;
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on reviews is refused'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on reviews is refused'); END;
