-- One results engine (issue 12, docs/decisions/0010): the slot order of the score sheets is the
-- engine's leaf order, computed by src/core (sheetLeafCodes) and written to framework_leaves by the app
-- when the results first read a set's sheets (ensureSheetLeaves, before the marks are folded in). The
-- database no longer walks a definition itself: its pre-order walk and the triggers that ran it go.
-- A definition that changes (a draft) only drops its leaf list and marks its sheets; the next read
-- writes the new list from src/core and rebuilds them.
DROP TRIGGER IF EXISTS framework_leaves_on_insert ON frameworks;
--> statement-breakpoint
DROP TRIGGER IF EXISTS framework_leaves_on_update ON frameworks;
--> statement-breakpoint
DROP FUNCTION IF EXISTS thuocdo_framework_leaves_changed();
--> statement-breakpoint
DROP FUNCTION IF EXISTS thuocdo_leaves_of(jsonb);
--> statement-breakpoint
CREATE FUNCTION thuocdo_framework_definition_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM framework_leaves WHERE framework_id = NEW.id;
  PERFORM thuocdo_mark_score_sheets(ARRAY(
    SELECT a.id FROM assessments a JOIN campaign_groups g ON g.id = a.campaign_group_id WHERE g.framework_id = NEW.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER framework_definition_on_update AFTER UPDATE OF definition ON frameworks FOR EACH ROW
  WHEN (OLD.definition IS DISTINCT FROM NEW.definition) EXECUTE FUNCTION thuocdo_framework_definition_changed();
--> statement-breakpoint
-- The leaf lists the old walk wrote: rewritten from src/core (and every sheet rebuilt) on the next read.
DELETE FROM framework_leaves;
