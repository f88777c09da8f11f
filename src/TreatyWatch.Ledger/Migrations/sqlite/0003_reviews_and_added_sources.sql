-- 0003 reviews and added sources (SQLite).
-- action_source_additions: a source cited by an action already on record, appended later (a UN table that records
-- an act the ledger already holds from another source). The action's own sources stay in action_sources; these
-- come after them, in the order added. recorded_at keeps "as recorded at" honest.
-- action_reviews: every review decision on a reported action (by hand or from an extracted event): the report,
-- the decision, the record it was merged into, the record the decision appended, the reason, who and when.
-- (The v2 reviews table is keyed by extracted event; it is also written when the report came from one.)

CREATE TABLE action_source_additions (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id     TEXT NOT NULL REFERENCES actions (id),
    source_key    TEXT NOT NULL REFERENCES sources (key),
    import_id     INTEGER REFERENCES imports (id),
    recorded_at   TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    recorded_by   TEXT NOT NULL CHECK (recorded_by <> ''),
    UNIQUE (action_id, source_key)
);

CREATE TABLE action_reviews (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    reported_id   TEXT NOT NULL UNIQUE REFERENCES actions (id),
    decision      TEXT NOT NULL CHECK (decision IN ('confirm', 'reject', 'merge', 'edit')),
    merged_into   TEXT REFERENCES actions (id),
    action_id     TEXT NOT NULL REFERENCES actions (id),
    reason        TEXT NOT NULL CHECK (reason <> ''),
    reviewed_at   TEXT NOT NULL CHECK (reviewed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    reviewed_by   TEXT NOT NULL CHECK (reviewed_by <> ''),
    CHECK ((decision = 'merge') = (merged_into IS NOT NULL))
);

CREATE TRIGGER action_source_additions_no_update BEFORE UPDATE ON action_source_additions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on action_source_additions is refused'); END;
CREATE TRIGGER action_source_additions_no_delete BEFORE DELETE ON action_source_additions BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on action_source_additions is refused'); END;
CREATE TRIGGER action_reviews_no_update BEFORE UPDATE ON action_reviews BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: UPDATE on action_reviews is refused'); END;
CREATE TRIGGER action_reviews_no_delete BEFORE DELETE ON action_reviews BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: DELETE on action_reviews is refused'); END;
