-- The form's revision (docs/decisions/0018): one counter per assessment that moves whenever anything the
-- form's items show changes — its items and evidence links (with `rev`, in the same UPDATE, so an item save
-- pays nothing more), the unit's supplied figures in the campaign, the name of a user who last changed an
-- item. The form load reads it with the assessment's state and serves the items it presented at that
-- revision from the process's cache, instead of rebuilding ~50 kB of JSON from 100 rows on every load.
-- `rev` stays the progress' own counter: a pull must not mark every form's progress stale.
ALTER TABLE "assessment_progress" ADD COLUMN "form_rev" bigint DEFAULT 1 NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION thuocdo_mark_progress(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO assessment_progress (assessment_id)
    SELECT DISTINCT a.id FROM assessments a WHERE a.id = ANY(ids) ORDER BY a.id
  ON CONFLICT (assessment_id) DO UPDATE SET rev = assessment_progress.rev + 1,
    form_rev = assessment_progress.form_rev + 1
$$;
--> statement-breakpoint
-- Only the form's revision: a form without a row yet gets one, stale as having none (computed_rev 0 < rev 1).
CREATE FUNCTION thuocdo_mark_form(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO assessment_progress (assessment_id)
    SELECT DISTINCT a.id FROM assessments a WHERE a.id = ANY(ids) ORDER BY a.id
  ON CONFLICT (assessment_id) DO UPDATE SET form_rev = assessment_progress.form_rev + 1
$$;
--> statement-breakpoint
CREATE FUNCTION thuocdo_form_supplied_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM thuocdo_mark_form(ARRAY(
    SELECT a.id FROM assessments a
    JOIN (SELECT DISTINCT campaign_id, unit_id FROM changed_rows) s
      ON s.campaign_id = a.campaign_id AND s.unit_id = a.unit_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER form_on_supplied_insert AFTER INSERT ON supplied_figures REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_form_supplied_changed();
--> statement-breakpoint
CREATE TRIGGER form_on_supplied_update AFTER UPDATE ON supplied_figures REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_form_supplied_changed();
--> statement-breakpoint
CREATE TRIGGER form_on_supplied_delete AFTER DELETE ON supplied_figures REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_form_supplied_changed();
--> statement-breakpoint
-- A renamed user: the forms whose items show them as the last to change an item. Rare (an administrator's
-- edit), so the scan of the items is acceptable.
CREATE FUNCTION thuocdo_form_user_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM thuocdo_mark_form(ARRAY(SELECT DISTINCT i.assessment_id FROM assessment_items i WHERE i.updated_by = NEW.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER form_on_user_renamed AFTER UPDATE OF full_name ON users
  FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name) EXECUTE FUNCTION thuocdo_form_user_renamed();
