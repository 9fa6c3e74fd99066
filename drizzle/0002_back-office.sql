ALTER TABLE "notifications" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossiers_org_status_idx" ON "dossiers" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_handler_idx" ON "dossiers" USING btree ("assigned_handler_id");