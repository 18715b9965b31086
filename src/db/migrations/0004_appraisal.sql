CREATE TABLE "appraisal_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"decision_ref" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_bodies_campaign_group_id_unique" UNIQUE("campaign_group_id")
);
--> statement-breakpoint
CREATE TABLE "appraisal_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" text NOT NULL,
	"title" text,
	"assignment" jsonb NOT NULL,
	CONSTRAINT "appraisal_members_body_user" UNIQUE("body_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_group_id" uuid NOT NULL,
	"authority_unit_id" uuid NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"signer" text,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approvals_group_authority" UNIQUE("campaign_group_id","authority_unit_id")
);
--> statement-breakpoint
CREATE TABLE "group_not_applicable" (
	"campaign_group_id" uuid NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"replacement_code" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_not_applicable_campaign_group_id_code_pk" PRIMARY KEY("campaign_group_id","code")
);
--> statement-breakpoint
CREATE TABLE "item_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"text" text NOT NULL,
	"evidence_ids" jsonb NOT NULL,
	"replied_by" uuid NOT NULL,
	"replied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "item_reviews" (
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"proposed_score" double precision,
	"proposed_reason" text,
	"proposed_comment" text,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone,
	"final_score" double precision,
	"final_reason" text,
	"final_comment" text,
	"final_by" uuid,
	"final_at" timestamp with time zone,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"not_applicable_reason" text,
	"replacement_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "item_reviews_assessment_id_code_pk" PRIMARY KEY("assessment_id","code")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"algorithm" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key" text NOT NULL,
	"encrypted" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text,
	"payload" jsonb NOT NULL,
	"digest" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "snapshots_campaign_version" UNIQUE("campaign_id","version")
);
--> statement-breakpoint
ALTER TABLE "appraisal_bodies" ADD CONSTRAINT "appraisal_bodies_campaign_group_id_campaign_groups_id_fk" FOREIGN KEY ("campaign_group_id") REFERENCES "public"."campaign_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_bodies" ADD CONSTRAINT "appraisal_bodies_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_members" ADD CONSTRAINT "appraisal_members_body_id_appraisal_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."appraisal_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_members" ADD CONSTRAINT "appraisal_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_campaign_group_id_campaign_groups_id_fk" FOREIGN KEY ("campaign_group_id") REFERENCES "public"."campaign_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_authority_unit_id_org_units_id_fk" FOREIGN KEY ("authority_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_not_applicable" ADD CONSTRAINT "group_not_applicable_campaign_group_id_campaign_groups_id_fk" FOREIGN KEY ("campaign_group_id") REFERENCES "public"."campaign_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_not_applicable" ADD CONSTRAINT "group_not_applicable_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_replies" ADD CONSTRAINT "item_replies_request_id_item_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."item_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_replies" ADD CONSTRAINT "item_replies_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_requests" ADD CONSTRAINT "item_requests_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_requests" ADD CONSTRAINT "item_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_reviews" ADD CONSTRAINT "item_reviews_final_by_users_id_fk" FOREIGN KEY ("final_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_key_id_signing_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appraisal_members_user_idx" ON "appraisal_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "item_replies_request_idx" ON "item_replies" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "item_requests_assessment_idx" ON "item_requests" USING btree ("assessment_id","code");