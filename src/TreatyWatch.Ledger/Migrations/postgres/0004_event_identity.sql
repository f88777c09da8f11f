-- 0004 event identity (PostgreSQL): an extracted event is one state's step on one treaty, so one sentence can give
-- several (a group expanded: "the Baltic states voted"; two treaties named together). Version 2 kept one event per
-- (article, action, evidence span), which refused those; the identity is now (article, state, treaty, action, span).
-- The event of an action is looked up by event_id.

DO $$
DECLARE
    n text;
BEGIN
    SELECT conname INTO n FROM pg_constraint WHERE conrelid = 'extracted_events'::regclass AND contype = 'u';
    EXECUTE format('ALTER TABLE extracted_events DROP CONSTRAINT %I', n);
END
$$;
CREATE UNIQUE INDEX extracted_events_identity ON extracted_events (article_id, coalesce(state, ''), coalesce(treaty_id, ''), action, evidence_start, evidence_end);
CREATE INDEX actions_event ON actions (event_id);
