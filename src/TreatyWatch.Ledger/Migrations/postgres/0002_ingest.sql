-- 0002 ingest (PostgreSQL): articles, the events extracted from them, and the reviews that decide them.
-- An article is stored once (content_hash UNIQUE), an event once per article, kind and evidence span: ingesting
-- the same article twice adds nothing. A review's decision is a row; the action it produces (confirm, edit) is a
-- new row in actions that points back to the event.

CREATE TABLE articles (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_hash   text NOT NULL UNIQUE CHECK (content_hash <> ''),
    url            text,
    outlet         text,
    title          text,
    published      text,
    language       text,
    cleaned_text   text NOT NULL,
    metadata       text NOT NULL DEFAULT '{}',
    recorded_at    text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by    text NOT NULL CHECK (recorded_by <> '')
);

CREATE TABLE extracted_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      bigint NOT NULL REFERENCES articles (id),
    state           text CHECK (state ~ '^[A-Z]{3}$'),
    treaty_id       text,
    action          text NOT NULL,
    date            text CHECK (date ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    votes_for       integer,
    votes_against   integer,
    votes_abstain   integer,
    votes_required  integer,
    evidence        text NOT NULL,
    evidence_start  integer NOT NULL CHECK (evidence_start >= 0),
    evidence_end    integer NOT NULL,
    cluster_id      text,
    extractor       text NOT NULL,
    recorded_at     text NOT NULL CHECK (recorded_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    recorded_by     text NOT NULL CHECK (recorded_by <> ''),
    CHECK (evidence_end >= evidence_start),
    UNIQUE (article_id, action, evidence_start, evidence_end)
);
CREATE INDEX extracted_events_cluster ON extracted_events (cluster_id);

CREATE TABLE reviews (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      bigint NOT NULL REFERENCES extracted_events (id),
    decision      text NOT NULL CHECK (decision IN ('confirm', 'reject', 'merge', 'edit')),
    merged_into   bigint REFERENCES extracted_events (id),
    action_id     text REFERENCES actions (id),
    reason        text NOT NULL CHECK (reason <> ''),
    reviewed_at   text NOT NULL CHECK (reviewed_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$'),
    reviewed_by   text NOT NULL CHECK (reviewed_by <> ''),
    CHECK ((decision = 'merge') = (merged_into IS NOT NULL))
);
CREATE INDEX reviews_event ON reviews (event_id, id);

-- The event a reported or confirmed action came from, and the article a news source quotes.
ALTER TABLE actions ADD COLUMN event_id bigint REFERENCES extracted_events (id);
ALTER TABLE sources ADD COLUMN article_id bigint REFERENCES articles (id);

CREATE TRIGGER articles_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON articles FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER extracted_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON extracted_events FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON reviews FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
