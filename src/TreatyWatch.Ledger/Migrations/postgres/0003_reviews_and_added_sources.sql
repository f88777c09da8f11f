-- 0003 reviews and added sources (PostgreSQL).
-- action_source_additions: a source cited by an action already on record, appended later (a UN table that records
-- an act the ledger already holds from another source). The action's own sources stay in action_sources; these
-- come after them, in the order added. recorded_at keeps "as recorded at" honest.
-- action_reviews: every review decision on a reported action (by hand or from an extracted event): the report,
-- the decision, the record it was merged into, the record the decision appended, the reason, who and when.
-- (The v2 reviews table is keyed by extracted event; it is also written when the report came from one.)

CREATE TABLE action_source_additions (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id     text NOT NULL REFERENCES actions (id),
    source_key    text NOT NULL REFERENCES sources (key),
    import_id     bigint REFERENCES imports (id),
    recorded_at   text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by   text NOT NULL CHECK (recorded_by <> ''),
    UNIQUE (action_id, source_key)
);

CREATE TABLE action_reviews (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reported_id   text NOT NULL UNIQUE REFERENCES actions (id),
    decision      text NOT NULL CHECK (decision IN ('confirm', 'reject', 'merge', 'edit')),
    merged_into   text REFERENCES actions (id),
    action_id     text NOT NULL REFERENCES actions (id),
    reason        text NOT NULL CHECK (reason <> ''),
    reviewed_at   text NOT NULL CHECK (reviewed_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    reviewed_by   text NOT NULL CHECK (reviewed_by <> ''),
    CHECK ((decision = 'merge') = (merged_into IS NOT NULL))
);

CREATE TRIGGER action_source_additions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON action_source_additions FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER action_reviews_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON action_reviews FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
