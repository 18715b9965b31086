-- A save's score-sheet mark without planning a statement each time (issue 16). Measured with
-- pg_stat_statements (track = all, track_planning) on the item save at 64 clients: the INSERT of
-- thuocdo_mark_score_sheets was planned on every call (9,635 plans for 9,600 calls, 0.059 ms each — five times
-- its execution, 0.013 ms). PL/pgSQL keeps a statement's plan, but a plan for any array is chosen only when it
-- is estimated no dearer than one planned for the array at hand, and unnest() of an unknown array is estimated
-- at ten rows: against the one form an item save touches, never. One form — every save, appraisal and review of
-- one item — now takes a statement over that one id, whose plan for any id costs what a planned one does, so it
-- is kept after the first calls; several forms take the set statement as before. What is marked, and when,
-- does not change.
CREATE OR REPLACE FUNCTION thuocdo_mark_score_sheets(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  one uuid;
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  IF cardinality(ids) = 1 THEN
    one := ids[array_lower(ids, 1)];
    IF one IS NULL THEN RETURN; END IF;
    INSERT INTO score_sheet_changes (assessment_id)
      SELECT one WHERE NOT EXISTS (
        SELECT 1 FROM score_sheet_changes m WHERE m.assessment_id = one FOR KEY SHARE SKIP LOCKED);
    RETURN;
  END IF;
  INSERT INTO score_sheet_changes (assessment_id)
    SELECT DISTINCT x.id FROM unnest(ids) AS x(id)
    WHERE x.id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM score_sheet_changes m WHERE m.assessment_id = x.id FOR KEY SHARE SKIP LOCKED);
END
$$;
