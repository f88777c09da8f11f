-- 0001 core (PostgreSQL): the record of treaty actions and what they rest on.
-- Append-only: every table below refuses UPDATE and DELETE (triggers at the end). A correction is a new row
-- plus a row in supersessions; a new version of a state, group or treaty definition is a new row (latest wins).
-- Dates are ISO text (docs/ledger.md says why): day dates 'YYYY-MM-DD', partial dates 'YYYY', 'YYYY-MM' or
-- 'YYYY-MM-DD', instants 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (fixed width, so text order is time order).

CREATE TABLE imports (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('bundled', 'untc', 'csv', 'json')),
    origin        text NOT NULL,
    content_hash  text NOT NULL,
    recorded_at   text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by   text NOT NULL CHECK (recorded_by <> '')
);

CREATE TABLE states (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    iso3          text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
    name          text NOT NULL,
    aliases       text NOT NULL DEFAULT '',
    demonyms      text NOT NULL DEFAULT '',
    capitals      text NOT NULL DEFAULT '',
    parliaments   text NOT NULL DEFAULT '',
    from_date     text CHECK (from_date ~ '^\d{4}-\d{2}-\d{2}$'),
    until_date    text CHECK (until_date ~ '^\d{4}-\d{2}-\d{2}$'),
    predecessors  text NOT NULL DEFAULT '',
    note          text,
    import_id     bigint REFERENCES imports (id),
    recorded_at   text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by   text NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX states_iso3 ON states (iso3, seq);

CREATE TABLE state_groups (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL,
    aliases       text NOT NULL DEFAULT '',
    members       text NOT NULL DEFAULT '',
    note          text,
    import_id     bigint REFERENCES imports (id),
    recorded_at   text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by   text NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX state_groups_name ON state_groups (name, seq);

CREATE TABLE treaty_definitions (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    treaty_id     text NOT NULL CHECK (treaty_id <> ''),
    definition    text NOT NULL,
    origin        text,
    import_id     bigint REFERENCES imports (id),
    loaded_at     text NOT NULL CHECK (loaded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    loaded_by     text NOT NULL CHECK (loaded_by <> '')
);
CREATE INDEX treaty_definitions_id ON treaty_definitions (treaty_id, seq);

-- A source's key is its identity: the first record of a key stands (a different source gets a new key).
CREATE TABLE sources (
    key           text PRIMARY KEY CHECK (key <> ''),
    kind          text NOT NULL CHECK (kind IN ('depositary', 'official', 'monitor', 'news', 'dataset', 'web')),
    title         text NOT NULL,
    url           text,
    published     text CHECK (published ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    cn_number     text,
    outlet        text,
    quote         text,
    quote_start   integer,
    quote_end     integer,
    import_id     bigint REFERENCES imports (id),
    recorded_at   text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by   text NOT NULL CHECK (recorded_by <> ''),
    CHECK (quote_end IS NULL OR quote_start IS NULL OR quote_end >= quote_start)
);

-- seq is the record order: acts on the same day keep the order in which they were recorded.
CREATE TABLE actions (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              text NOT NULL UNIQUE CHECK (id <> ''),
    treaty_id       text NOT NULL,
    state           text NOT NULL CHECK (state ~ '^[A-Z]{3}$'),
    action          text NOT NULL,
    date            text NOT NULL CHECK (date ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    known           text NOT NULL CHECK (known ~ '^\d{4}-\d{2}-\d{2}$'),
    votes_for       integer,
    votes_against   integer,
    votes_abstain   integer,
    votes_required  integer,
    effective       text CHECK (effective ~ '^\d{4}-\d{2}-\d{2}$'),
    by_whom         text,
    objects_to      text,
    note            text,
    origin          text,
    review_state    text NOT NULL CHECK (review_state IN ('official', 'confirmed', 'reported', 'rejected')),
    certainty       text NOT NULL CHECK (certainty IN ('official', 'corroborated', 'reported', 'disputed')),
    import_id       bigint REFERENCES imports (id),
    recorded_at     text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by     text NOT NULL CHECK (recorded_by <> '')
);
CREATE INDEX actions_treaty ON actions (treaty_id, seq);
CREATE INDEX actions_state ON actions (state, treaty_id);

CREATE TABLE action_sources (
    action_id     text NOT NULL REFERENCES actions (id),
    position      integer NOT NULL CHECK (position >= 0),
    source_key    text NOT NULL REFERENCES sources (key),
    PRIMARY KEY (action_id, position)
);

-- A correction: new_id replaces old_id from the day new_id is known. Each record is corrected at most once
-- (a second correction corrects the first), and each correction replaces one record.
CREATE TABLE supersessions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    old_id        text NOT NULL UNIQUE REFERENCES actions (id),
    new_id        text NOT NULL UNIQUE REFERENCES actions (id),
    why           text NOT NULL CHECK (why <> ''),
    recorded_at   text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by   text NOT NULL CHECK (recorded_by <> ''),
    CHECK (old_id <> new_id)
);

-- An armed-conflict period; a later row with supersedes = id replaces it (an end date learned later).
CREATE TABLE armed_conflicts (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            text NOT NULL UNIQUE CHECK (id <> ''),
    state         text NOT NULL CHECK (state ~ '^[A-Z]{3}$'),
    start_date    text NOT NULL CHECK (start_date ~ '^\d{4}-\d{2}-\d{2}$'),
    end_date      text CHECK (end_date ~ '^\d{4}-\d{2}-\d{2}$'),
    name          text NOT NULL,
    sources       text NOT NULL DEFAULT '',
    note          text,
    supersedes    text UNIQUE REFERENCES armed_conflicts (id),
    why           text,
    import_id     bigint REFERENCES imports (id),
    recorded_at   text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by   text NOT NULL CHECK (recorded_by <> ''),
    CHECK (end_date IS NULL OR end_date > start_date),
    CHECK (supersedes IS NULL OR why IS NOT NULL)
);

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER imports_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON imports FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER states_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON states FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER state_groups_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON state_groups FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER treaty_definitions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON treaty_definitions FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER sources_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON sources FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER actions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON actions FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER action_sources_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON action_sources FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER supersessions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON supersessions FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER armed_conflicts_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON armed_conflicts FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
