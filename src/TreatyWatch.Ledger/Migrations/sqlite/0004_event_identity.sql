-- 0004 event identity (SQLite): an extracted event is one state's step on one treaty, so one sentence can give
-- several (a group expanded: "the Baltic states voted"; two treaties named together). Version 2 kept one event per
-- (article, action, evidence span), which refused those; the identity is now (article, state, treaty, action, span).
-- SQLite cannot drop a table constraint, so the table is rebuilt (nothing wrote it before this version: ingest
-- comes with it) and keeps its name, columns, triggers and index. The event of an action is looked up by event_id.

CREATE TABLE extracted_events_v4 (
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
    CHECK (evidence_end >= evidence_start)
);
INSERT INTO extracted_events_v4 (id, article_id, state, treaty_id, action, date, votes_for, votes_against, votes_abstain, votes_required,
                                 evidence, evidence_start, evidence_end, cluster_id, extractor, recorded_at, recorded_by)
SELECT id, article_id, state, treaty_id, action, date, votes_for, votes_against, votes_abstain, votes_required,
       evidence, evidence_start, evidence_end, cluster_id, extractor, recorded_at, recorded_by
FROM extracted_events;
DROP TABLE extracted_events;
CREATE TRIGGER extracted_events_no_update BEFORE UPDATE ON extracted_events_v4 BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on extracted_events is refused'); END;
CREATE TRIGGER extracted_events_no_delete BEFORE DELETE ON extracted_events_v4 BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on extracted_events is refused'); END;
ALTER TABLE extracted_events_v4 RENAME TO extracted_events;
CREATE INDEX extracted_events_cluster ON extracted_events (cluster_id);
CREATE UNIQUE INDEX extracted_events_identity ON extracted_events (article_id, coalesce(state, ''), coalesce(treaty_id, ''), action, evidence_start, evidence_end);
CREATE INDEX actions_event ON actions (event_id);
