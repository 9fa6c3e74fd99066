-- The retention purge (src/server/jobs/retention-purge.ts) pages through what may be past its period in keyset order.
CREATE INDEX IF NOT EXISTS "dossiers_retention_closed_idx" ON "dossiers" USING btree ("closed_at","id") WHERE "dossiers"."status" = 'closed' and "dossiers"."erased_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dossiers_retention_draft_idx" ON "dossiers" USING btree ("updated_at","id") WHERE "dossiers"."status" = 'draft' and "dossiers"."transmitted_at" is null and "dossiers"."erased_at" is null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "notifications_retention_idx" ON "notifications" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sessions_retention_idx" ON "sessions" USING btree ("created_at","id");
