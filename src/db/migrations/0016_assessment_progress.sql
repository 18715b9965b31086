CREATE TABLE "assessment_progress" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"rev" integer DEFAULT 1 NOT NULL,
	"computed_rev" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"complete" integer DEFAULT 0 NOT NULL,
	"self_total" double precision DEFAULT 0 NOT NULL,
	"self_applicable_max" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_progress" ADD CONSTRAINT "assessment_progress_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Marks forms whose stored progress (items answered, items complete, self total) is stale: any write to
-- their items or evidence links, or a move to another group (another index set). The figures themselves
-- are computed by src/core only (docs/decisions/0014); a read recomputes the rows whose computed_rev lags.
-- Existing forms have no row yet, which reads as stale: the first read of each campaign backfills them.
CREATE FUNCTION thuocdo_mark_progress(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO assessment_progress (assessment_id)
    SELECT DISTINCT a.id FROM assessments a WHERE a.id = ANY(ids) ORDER BY a.id
  ON CONFLICT (assessment_id) DO UPDATE SET rev = assessment_progress.rev + 1
$$;
--> statement-breakpoint
CREATE FUNCTION thuocdo_progress_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM thuocdo_mark_progress(ARRAY(SELECT assessment_id FROM changed_rows UNION SELECT assessment_id FROM old_rows));
  ELSE
    PERFORM thuocdo_mark_progress(ARRAY(SELECT DISTINCT assessment_id FROM changed_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION thuocdo_progress_group_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM thuocdo_mark_progress(ARRAY(
    SELECT n.id FROM changed_rows n JOIN old_rows o ON o.id = n.id WHERE o.campaign_group_id IS DISTINCT FROM n.campaign_group_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER progress_on_item_insert AFTER INSERT ON assessment_items REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_progress_rows_changed();
--> statement-breakpoint
CREATE TRIGGER progress_on_item_update AFTER UPDATE ON assessment_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_progress_rows_changed();
--> statement-breakpoint
CREATE TRIGGER progress_on_item_delete AFTER DELETE ON assessment_items REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_progress_rows_changed();
--> statement-breakpoint
CREATE TRIGGER progress_on_evidence_insert AFTER INSERT ON item_evidence REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_progress_rows_changed();
--> statement-breakpoint
CREATE TRIGGER progress_on_evidence_update AFTER UPDATE ON item_evidence REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_progress_rows_changed();
--> statement-breakpoint
CREATE TRIGGER progress_on_evidence_delete AFTER DELETE ON item_evidence REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_progress_rows_changed();
--> statement-breakpoint
CREATE TRIGGER progress_on_assessment_update AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_progress_group_changed();
