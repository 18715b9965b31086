ALTER TABLE "login_throttle" ADD COLUMN "strikes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "login_throttle" ADD COLUMN "last_success_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "login_throttle" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "scope" text;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "revoked_reason" text;--> statement-breakpoint
-- Tokens issued before scopes existed acted with all their owner's rights; the one use they were made for
-- is supplying figures. Keep that working where the owner may supply figures, otherwise reading results;
-- give every one the default lifetime from today so operators have time to reissue them.
UPDATE "api_tokens" t SET
  "scope" = CASE WHEN EXISTS (SELECT 1 FROM "role_assignments" ra WHERE ra."user_id" = t."user_id"
                              AND ra."role" IN ('system_admin', 'dx_office', 'data_supplier'))
                 THEN 'figures:write' ELSE 'results:read' END,
  "expires_at" = now() + interval '90 days',
  "revoked_reason" = CASE WHEN t."revoked_at" IS NOT NULL THEN 'manual' END;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "scope" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
-- Counters keyed the old way ('user:…', 'ip:…') mean nothing to the new throttle.
DELETE FROM "login_throttle" WHERE "key" LIKE 'user:%' OR "key" LIKE 'ip:%';--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_throttle_updated_idx" ON "login_throttle" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");