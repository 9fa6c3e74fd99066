-- The days each file turns amber and red (docs/decisions/0017-register-colour-filters.md), written with the deadline
-- projection by the one engine (src/domain/register/colour-days.ts); files projected before are completed in
-- batches at start (PROJECTION_VERSION 2, src/db/repositories/deadline-projection.ts).
ALTER TABLE "dossiers" ADD COLUMN "sla_amber_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_red_on" date;--> statement-breakpoint
-- Amber and red filters read a range of `sla_red_on` (amber: the few days before it), then sort those files by
-- urgency; the index carries what the page and the count read, so that the table is not visited.
CREATE INDEX "dossiers_register_colour_idx" ON "dossiers" USING btree ("organisation_id","sla_red_on") INCLUDE ("sla_amber_on","next_due_on","reference","transmitted_at","status");--> statement-breakpoint
-- The urgency index carries the colour days instead of each clock's status and due date (migration 0017): a
-- green or red page walks it in order, checking the colour in the index. Built under another name first.
CREATE INDEX "dossiers_register_urgency_cover_idx" ON "dossiers" USING btree ("organisation_id",coalesce("next_due_on", 'infinity'::date),"reference") INCLUDE ("next_due_on","transmitted_at","status","sla_amber_on","sla_red_on");--> statement-breakpoint
DROP INDEX IF EXISTS "dossiers_register_urgency_idx";--> statement-breakpoint
ALTER INDEX "dossiers_register_urgency_cover_idx" RENAME TO "dossiers_register_urgency_idx";
