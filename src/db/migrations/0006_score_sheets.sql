CREATE TABLE "assessment_score_sheets" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"framework_id" uuid NOT NULL,
	"leaf_count" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"irregular" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_leaves" (
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "framework_leaves_framework_id_code_pk" PRIMARY KEY("framework_id","code")
);
--> statement-breakpoint
CREATE TABLE "score_sheet_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "score_sheet_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"assessment_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_score_sheets" ADD CONSTRAINT "assessment_score_sheets_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_score_sheets" ADD CONSTRAINT "assessment_score_sheets_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_leaves" ADD CONSTRAINT "framework_leaves_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_score_sheets_framework_idx" ON "assessment_score_sheets" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "score_sheet_changes_assessment_idx" ON "score_sheet_changes" USING btree ("assessment_id");--> statement-breakpoint
-- The leaves of an index-set definition (jsonb) in pre-order: the slot order of its score sheets.
CREATE FUNCTION thuocdo_leaves_of(definition jsonb) RETURNS TABLE (code text, "position" integer)
LANGUAGE sql IMMUTABLE AS $$
  WITH RECURSIVE walk(node, path) AS (
    SELECT e.node, ARRAY[e.ord::int] FROM jsonb_array_elements(definition -> 'nodes') WITH ORDINALITY AS e(node, ord)
    UNION ALL
    SELECT c.node, w.path || c.ord::int FROM walk w, jsonb_array_elements(coalesce(w.node -> 'children', '[]'::jsonb)) WITH ORDINALITY AS c(node, ord)
  )
  SELECT node ->> 'code', (row_number() OVER (ORDER BY path) - 1)::int FROM walk
  WHERE coalesce(jsonb_array_length(node -> 'children'), 0) = 0
$$;
--> statement-breakpoint
-- A score in a sheet: whole hundredths of a point as int4 (half the bytes of a float8, and what the
-- engine sums in). The app stores scores rounded to 2 decimals, so score = h / 100 exactly; NULL is
-- -2147483648; anything else (more decimals, out of range, NaN) is -2147483647 and makes the sheet
-- irregular, so the per-item path, which keeps the raw value, decides.
CREATE FUNCTION thuocdo_sheet_hundredths(score float8) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN score IS NULL THEN -2147483648
    WHEN abs(score) < 20000000 AND score = round(score * 100) / 100 THEN round(score * 100)::integer
    ELSE -2147483647
  END
$$;
--> statement-breakpoint
-- Rebuilds the sheets of the given assessments from their rows (only readers call it, through
-- thuocdo_refresh_score_sheets). The sheets are created if absent and locked first, in id order; the
-- rows are read by a later statement, which under READ COMMITTED sees every write committed before
-- the locks were granted — two readers rebuilding the same sheet wait for each other, never deadlock.
CREATE FUNCTION thuocdo_rebuild_score_sheets(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO assessment_score_sheets (assessment_id, framework_id, leaf_count, data)
    SELECT a.id, g.framework_id, 0, ''::bytea FROM assessments a JOIN campaign_groups g ON g.id = a.campaign_group_id
    WHERE a.id = ANY (ids) ORDER BY a.id
    ON CONFLICT (assessment_id) DO NOTHING;
  PERFORM 1 FROM assessment_score_sheets WHERE assessment_id = ANY (ids) ORDER BY assessment_id FOR UPDATE;
  -- One assessment at a time (LATERAL): its ~100 rows by index. As one join over all the ids, the
  -- planner prefers hashing both item tables whole (400,000 rows each on a national campaign) even for
  -- a handful of sheets.
  UPDATE assessment_score_sheets s
    SET framework_id = g.framework_id, leaf_count = x.leaf_count, data = x.data, irregular = x.irregular
  FROM assessments a
  JOIN campaign_groups g ON g.id = a.campaign_group_id
  CROSS JOIN LATERAL (
    SELECT count(l.code)::int AS leaf_count,
      coalesce(string_agg(int4send(thuocdo_sheet_hundredths(r.final_score)), ''::bytea ORDER BY l.position), ''::bytea)
        || coalesce(string_agg(int4send(thuocdo_sheet_hundredths(i.self_score)), ''::bytea ORDER BY l.position), ''::bytea)
        || coalesce(string_agg(set_byte('\x00'::bytea, 0, CASE WHEN r.code IS NULL THEN 0 WHEN r.not_applicable THEN 3 ELSE 2 END), ''::bytea ORDER BY l.position), ''::bytea) AS data,
      -- A replacement indicator, a score a sheet cannot hold exactly (not a whole number of hundredths,
      -- out of range, NaN), or a row whose code is not a leaf of the set (fewer rows matched than exist).
      coalesce(bool_or(r.replacement_code IS NOT NULL), false)
        OR coalesce(bool_or(thuocdo_sheet_hundredths(r.final_score) = -2147483647 OR thuocdo_sheet_hundredths(i.self_score) = -2147483647), false)
        OR (SELECT count(*) FROM item_reviews r2 WHERE r2.assessment_id = a.id) <> count(r.code)
        OR (SELECT count(*) FROM assessment_items i2 WHERE i2.assessment_id = a.id) <> count(i.code) AS irregular
    FROM framework_leaves l
    LEFT JOIN assessment_items i ON i.assessment_id = a.id AND i.code = l.code
    LEFT JOIN item_reviews r ON r.assessment_id = a.id AND r.code = l.code
    WHERE l.framework_id = g.framework_id
  ) x
  WHERE a.id = ANY (ids) AND s.assessment_id = a.id;
END
$$;
--> statement-breakpoint
-- Any write to the item rows marks the assessments it touched (one mark per statement and assessment;
-- writers never touch the sheets, so they take no lock a reader or another writer could hold — no new
-- waits, no deadlocks on the hot path). Readers fold the marks in (thuocdo_refresh_score_sheets).
-- A mark already there is enough, unless a reader is deleting it right now (locked): SKIP LOCKED then
-- passes over it and a new mark is written, so a change committed after that reader's rebuild is never
-- left unmarked.
CREATE FUNCTION thuocdo_mark_score_sheets(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO score_sheet_changes (assessment_id)
    SELECT DISTINCT x.id FROM unnest(ids) AS x(id)
    WHERE x.id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM score_sheet_changes m WHERE m.assessment_id = x.id FOR KEY SHARE SKIP LOCKED);
END
$$;
--> statement-breakpoint
CREATE FUNCTION thuocdo_score_sheets_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM thuocdo_mark_score_sheets(ARRAY(SELECT assessment_id FROM changed_rows UNION SELECT assessment_id FROM old_rows));
  ELSE
    PERFORM thuocdo_mark_score_sheets(ARRAY(SELECT DISTINCT assessment_id FROM changed_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Folds a campaign's marks in: deletes them and rebuilds those sheets, in one statement's transaction.
CREATE FUNCTION thuocdo_refresh_score_sheets(campaign uuid) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  WITH gone AS (
    DELETE FROM score_sheet_changes c USING assessments a WHERE a.id = c.assessment_id AND a.campaign_id = campaign RETURNING c.assessment_id
  )
  SELECT array_agg(DISTINCT assessment_id) INTO ids FROM gone;
  PERFORM thuocdo_rebuild_score_sheets(ids);
  RETURN coalesce(cardinality(ids), 0);
END
$$;
--> statement-breakpoint
-- A new assessment starts with an empty sheet; one moved to another group (another set) is rebuilt.
CREATE FUNCTION thuocdo_score_sheets_assessments_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH empty AS (
      SELECT l.framework_id, count(*)::int AS n,
        string_agg(int4send(-2147483648), ''::bytea) || string_agg(int4send(-2147483648), ''::bytea) || string_agg('\x00'::bytea, ''::bytea) AS data
      FROM framework_leaves l
      WHERE l.framework_id IN (SELECT g.framework_id FROM campaign_groups g WHERE g.id IN (SELECT campaign_group_id FROM changed_rows))
      GROUP BY l.framework_id
    )
    INSERT INTO assessment_score_sheets (assessment_id, framework_id, leaf_count, data)
      SELECT c.id, g.framework_id, coalesce(e.n, 0), coalesce(e.data, ''::bytea)
      FROM changed_rows c JOIN campaign_groups g ON g.id = c.campaign_group_id LEFT JOIN empty e ON e.framework_id = g.framework_id
      ORDER BY c.id
      ON CONFLICT (assessment_id) DO NOTHING;
  ELSE
    PERFORM thuocdo_mark_score_sheets(ARRAY(
      SELECT c.id FROM changed_rows c JOIN old_rows o ON o.id = c.id WHERE o.campaign_group_id IS DISTINCT FROM c.campaign_group_id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A group given another set: its assessments' sheets follow.
CREATE FUNCTION thuocdo_score_sheets_groups_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM thuocdo_mark_score_sheets(ARRAY(
    SELECT a.id FROM changed_rows c JOIN old_rows o ON o.id = c.id JOIN assessments a ON a.campaign_group_id = c.id
    WHERE o.framework_id IS DISTINCT FROM c.framework_id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An index set's leaves follow its definition (a published one is frozen; a draft may change).
CREATE FUNCTION thuocdo_framework_leaves_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM framework_leaves WHERE framework_id = NEW.id;
  INSERT INTO framework_leaves (framework_id, code, "position") SELECT NEW.id, l.code, l.position FROM thuocdo_leaves_of(NEW.definition) l ON CONFLICT DO NOTHING;
  IF TG_OP = 'UPDATE' THEN
    PERFORM thuocdo_mark_score_sheets(ARRAY(
      SELECT a.id FROM assessments a JOIN campaign_groups g ON g.id = a.campaign_group_id WHERE g.framework_id = NEW.id));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER framework_leaves_on_insert AFTER INSERT ON frameworks FOR EACH ROW EXECUTE FUNCTION thuocdo_framework_leaves_changed();
--> statement-breakpoint
CREATE TRIGGER framework_leaves_on_update AFTER UPDATE OF definition ON frameworks FOR EACH ROW
  WHEN (OLD.definition IS DISTINCT FROM NEW.definition) EXECUTE FUNCTION thuocdo_framework_leaves_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_group_update AFTER UPDATE ON campaign_groups REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_groups_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_assessment_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_assessments_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_assessment_update AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_assessments_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_item_insert AFTER INSERT ON assessment_items REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_rows_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_item_update AFTER UPDATE ON assessment_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_rows_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_item_delete AFTER DELETE ON assessment_items REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_rows_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_review_insert AFTER INSERT ON item_reviews REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_rows_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_review_update AFTER UPDATE ON item_reviews REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_rows_changed();
--> statement-breakpoint
CREATE TRIGGER score_sheets_on_review_delete AFTER DELETE ON item_reviews REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION thuocdo_score_sheets_rows_changed();
--> statement-breakpoint
-- Existing data: every set's leaves, every assessment's sheet.
INSERT INTO framework_leaves (framework_id, code, "position") SELECT f.id, l.code, l.position FROM frameworks f, thuocdo_leaves_of(f.definition) l ON CONFLICT DO NOTHING;
--> statement-breakpoint
SELECT thuocdo_rebuild_score_sheets(ARRAY(SELECT id FROM assessments));
