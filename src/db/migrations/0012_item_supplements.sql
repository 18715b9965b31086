-- Units supplement their evidence during appraisal on their own (issue 13 §5, 001 II.3.b): each supplement
-- (explanation and library documents on one item, dated) and, per reviewer and item, when they last looked
-- at or decided it — supplements after that raise "Bổ sung từ lần xem trước" in their queue.
CREATE TABLE "item_looks" (
	"user_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"looked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "item_looks_user_id_assessment_id_code_pk" PRIMARY KEY("user_id","assessment_id","code")
);
--> statement-breakpoint
CREATE TABLE "item_supplements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"evidence_ids" jsonb NOT NULL,
	"supplied_by" uuid NOT NULL,
	"supplied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_looks" ADD CONSTRAINT "item_looks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_looks" ADD CONSTRAINT "item_looks_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_supplements" ADD CONSTRAINT "item_supplements_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_supplements" ADD CONSTRAINT "item_supplements_supplied_by_users_id_fk" FOREIGN KEY ("supplied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_looks_assessment_idx" ON "item_looks" USING btree ("assessment_id","code");--> statement-breakpoint
CREATE INDEX "item_supplements_assessment_idx" ON "item_supplements" USING btree ("assessment_id","code");