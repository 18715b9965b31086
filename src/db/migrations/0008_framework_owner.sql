-- An index set belongs to the unit that issued it (finding 10 of issue 11). Existing sets are assigned
-- the way they would have been created under the new rule: a set whose first version was created by a
-- DX office that is not a system administrator belongs to that office's unit (its broadest grant);
-- presets, command-line imports and sets created by a system administrator belong to the root unit.
ALTER TABLE "frameworks" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
WITH first_version AS (
  SELECT DISTINCT ON (code) code, created_by FROM frameworks ORDER BY code, version
), office AS (
  SELECT DISTINCT ON (f.code) f.code, ra.unit_id
  FROM first_version f
  JOIN role_assignments ra ON ra.user_id = f.created_by AND ra.role = 'dx_office'
  JOIN org_units u ON u.id = ra.unit_id
  WHERE NOT EXISTS (SELECT 1 FROM role_assignments a WHERE a.user_id = f.created_by AND a.role = 'system_admin')
  ORDER BY f.code, length(u.path), u.code
)
UPDATE frameworks fw SET owner_unit_id = coalesce(
  (SELECT office.unit_id FROM office WHERE office.code = fw.code),
  (SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY created_at, code LIMIT 1)
);--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM frameworks WHERE owner_unit_id IS NULL) THEN
    RAISE EXCEPTION 'Không gán được đơn vị ban hành cho bộ chỉ số: cơ sở dữ liệu chưa có đơn vị nào. Hãy tạo đơn vị gốc (thuocdo admin create) bằng phiên bản trước rồi cập nhật lại. / Index sets exist but no unit does: create the root unit first.';
  END IF;
END $$;--> statement-breakpoint
ALTER TABLE "frameworks" ALTER COLUMN "owner_unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "frameworks_owner_idx" ON "frameworks" USING btree ("owner_unit_id");
