-- Data sources (issue 15 §3): sources a DX office pulls figures from, every pull with its provenance
-- (URLs, period, fetched-at, response SHA-256, outcome and reason), per unit the raw values, and the
-- pull a supplied figure came from.
CREATE TABLE "data_source_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "data_source_runs_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_id" uuid NOT NULL,
	"campaign_id" uuid,
	"period" text NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"job_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fetched_at" timestamp with time zone,
	"response_sha256" text,
	"response_bytes" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"reason_code" text,
	"reason_params" jsonb,
	"problems" jsonb,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "data_source_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"source_unit_id" text NOT NULL,
	"source_unit_name" text,
	"unit_id" uuid,
	"known" boolean NOT NULL,
	"raw" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owning_system" text NOT NULL,
	"profile" text NOT NULL,
	"method" text DEFAULT 'GET' NOT NULL,
	"url_template" text NOT NULL,
	"body_template" text,
	"auth_header" text,
	"auth_token_encrypted" text,
	"schedule" text DEFAULT 'manual' NOT NULL,
	"period_kind" text DEFAULT 'month' NOT NULL,
	"format" text DEFAULT 'json' NOT NULL,
	"records_path" text DEFAULT '' NOT NULL,
	"unit_id_field" text NOT NULL,
	"unit_name_field" text,
	"match_by_code" boolean DEFAULT false NOT NULL,
	"unit_mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"field_mapping" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"campaign_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supplied_figures" ADD COLUMN "data_source_run_id" uuid;--> statement-breakpoint
ALTER TABLE "data_source_runs" ADD CONSTRAINT "data_source_runs_source_id_data_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."data_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_runs" ADD CONSTRAINT "data_source_runs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_runs" ADD CONSTRAINT "data_source_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_values" ADD CONSTRAINT "data_source_values_run_id_data_source_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."data_source_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_source_values" ADD CONSTRAINT "data_source_values_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_source_runs_source_idx" ON "data_source_runs" USING btree ("source_id","seq");--> statement-breakpoint
CREATE INDEX "data_source_values_run_idx" ON "data_source_values" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "data_source_values_unit_idx" ON "data_source_values" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "data_sources_owner_idx" ON "data_sources" USING btree ("owner_unit_id");--> statement-breakpoint
ALTER TABLE "supplied_figures" ADD CONSTRAINT "supplied_figures_data_source_run_id_data_source_runs_id_fk" FOREIGN KEY ("data_source_run_id") REFERENCES "public"."data_source_runs"("id") ON DELETE set null ON UPDATE no action;