-- The progress marks of one form without planning a statement each time (issue 16), as migration 0023 did for
-- the score-sheet mark. On the deadline-day mix (4,000 forms), pg_stat_statements showed the INSERT of
-- thuocdo_mark_progress planned on 164,632 of its 164,688 calls (0.052 ms a plan, more than its 0.035 ms run):
-- `a.id = ANY(ids)` over an unknown array is estimated at ten forms, against the one an item write touches.
-- One form now takes a statement over that one id, whose plan is kept; several take the set statement as
-- before. What is marked, and when, does not change.
CREATE OR REPLACE FUNCTION thuocdo_mark_progress(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  one uuid;
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  IF cardinality(ids) = 1 THEN
    one := ids[array_lower(ids, 1)];
    INSERT INTO assessment_progress (assessment_id)
      SELECT a.id FROM assessments a WHERE a.id = one
    ON CONFLICT (assessment_id) DO UPDATE SET rev = assessment_progress.rev + 1,
      form_rev = assessment_progress.form_rev + 1;
    RETURN;
  END IF;
  INSERT INTO assessment_progress (assessment_id)
    SELECT DISTINCT a.id FROM assessments a WHERE a.id = ANY(ids) ORDER BY a.id
  ON CONFLICT (assessment_id) DO UPDATE SET rev = assessment_progress.rev + 1,
    form_rev = assessment_progress.form_rev + 1;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION thuocdo_mark_form(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  one uuid;
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  IF cardinality(ids) = 1 THEN
    one := ids[array_lower(ids, 1)];
    INSERT INTO assessment_progress (assessment_id)
      SELECT a.id FROM assessments a WHERE a.id = one
    ON CONFLICT (assessment_id) DO UPDATE SET form_rev = assessment_progress.form_rev + 1;
    RETURN;
  END IF;
  INSERT INTO assessment_progress (assessment_id)
    SELECT DISTINCT a.id FROM assessments a WHERE a.id = ANY(ids) ORDER BY a.id
  ON CONFLICT (assessment_id) DO UPDATE SET form_rev = assessment_progress.form_rev + 1;
END
$$;
