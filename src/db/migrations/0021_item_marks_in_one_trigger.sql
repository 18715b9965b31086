-- An item save's marks for less (issue 16; docs/decisions/0021). Measured with pg_stat_statements on the item
-- save at 64 clients, the statement-level triggers of migrations 0006 and 0016 were ~40 % of the save's
-- PostgreSQL time: an upsert fires the INSERT and the UPDATE triggers of assessment_items (one of the two with
-- an empty transition table), each calling thuocdo_mark_progress and thuocdo_mark_score_sheets — four calls, two
-- scans of each transition table — and thuocdo_mark_progress, a LANGUAGE sql function that is not inlined,
-- parsed and planned its INSERT on every call (0.25 ms a call; a PL/pgSQL body keeps its plan per session).
-- Now: one trigger per event on assessment_items reads its transition tables once and marks both the progress
-- and the score sheet of the assessments touched; nothing is done for an empty set; the marking functions are
-- PL/pgSQL. What is marked, and when (same statement, same transaction), does not change.
CREATE OR REPLACE FUNCTION thuocdo_mark_progress(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  INSERT INTO assessment_progress (assessment_id)
    SELECT DISTINCT a.id FROM assessments a WHERE a.id = ANY(ids) ORDER BY a.id
  ON CONFLICT (assessment_id) DO UPDATE SET rev = assessment_progress.rev + 1,
    form_rev = assessment_progress.form_rev + 1;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION thuocdo_mark_form(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  INSERT INTO assessment_progress (assessment_id)
    SELECT DISTINCT a.id FROM assessments a WHERE a.id = ANY(ids) ORDER BY a.id
  ON CONFLICT (assessment_id) DO UPDATE SET form_rev = assessment_progress.form_rev + 1;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION thuocdo_mark_score_sheets(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  INSERT INTO score_sheet_changes (assessment_id)
    SELECT DISTINCT x.id FROM unnest(ids) AS x(id)
    WHERE x.id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM score_sheet_changes m WHERE m.assessment_id = x.id FOR KEY SHARE SKIP LOCKED);
END
$$;
--> statement-breakpoint
-- Any write to item rows: the assessments touched, read once from the transition tables, get both marks.
CREATE FUNCTION thuocdo_item_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    ids := ARRAY(SELECT assessment_id FROM changed_rows UNION SELECT assessment_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT DISTINCT assessment_id FROM changed_rows);
  END IF;
  IF cardinality(ids) = 0 THEN RETURN NULL; END IF;
  PERFORM thuocdo_mark_progress(ids);
  PERFORM thuocdo_mark_score_sheets(ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER progress_on_item_insert ON assessment_items;
--> statement-breakpoint
DROP TRIGGER progress_on_item_update ON assessment_items;
--> statement-breakpoint
DROP TRIGGER progress_on_item_delete ON assessment_items;
--> statement-breakpoint
DROP TRIGGER score_sheets_on_item_insert ON assessment_items;
--> statement-breakpoint
DROP TRIGGER score_sheets_on_item_update ON assessment_items;
--> statement-breakpoint
DROP TRIGGER score_sheets_on_item_delete ON assessment_items;
--> statement-breakpoint
CREATE TRIGGER marks_on_item_insert AFTER INSERT ON assessment_items REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_item_rows_changed();
--> statement-breakpoint
CREATE TRIGGER marks_on_item_update AFTER UPDATE ON assessment_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_item_rows_changed();
--> statement-breakpoint
CREATE TRIGGER marks_on_item_delete AFTER DELETE ON assessment_items REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_item_rows_changed();
