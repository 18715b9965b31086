-- The competent authority (issue 13 §2): delegations recorded per group, each approval's signer position, and
-- when each authority published what it approved. Approvals of campaigns published before this migration were
-- published with the campaign's first snapshot.
CREATE TABLE "authority_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_group_id" uuid NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"powers" jsonb NOT NULL,
	"reason" text NOT NULL,
	"document_ref" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "signer_position" text;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "authority_delegations" ADD CONSTRAINT "authority_delegations_campaign_group_id_campaign_groups_id_fk" FOREIGN KEY ("campaign_group_id") REFERENCES "public"."campaign_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_delegations" ADD CONSTRAINT "authority_delegations_from_unit_id_org_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_delegations" ADD CONSTRAINT "authority_delegations_to_unit_id_org_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_delegations" ADD CONSTRAINT "authority_delegations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authority_delegations" ADD CONSTRAINT "authority_delegations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authority_delegations_group_idx" ON "authority_delegations" USING btree ("campaign_group_id");--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "approvals" a SET "published_at" = s.first_at, "published_by" = s.created_by FROM (SELECT DISTINCT ON (campaign_id) campaign_id, created_at AS first_at, created_by FROM "snapshots" ORDER BY campaign_id, version) s, "campaign_groups" g WHERE g.id = a.campaign_group_id AND g.campaign_id = s.campaign_id;