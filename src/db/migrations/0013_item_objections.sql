-- Objections (kiến nghị, issue 14 §1): a unit objects to the final score of one item after the results are
-- approved or published; the group's body upholds (new final score) or rejects it with a reason. One open
-- objection per item (partial unique index).
CREATE TABLE "item_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"evidence_ids" jsonb NOT NULL,
	"score_before" double precision,
	"status" text DEFAULT 'open' NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"score_after" double precision,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "item_objections" ADD CONSTRAINT "item_objections_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_objections" ADD CONSTRAINT "item_objections_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_objections" ADD CONSTRAINT "item_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_objections_assessment_idx" ON "item_objections" USING btree ("assessment_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "item_objections_one_open" ON "item_objections" USING btree ("assessment_id","code") WHERE status = 'open';