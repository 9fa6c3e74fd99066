-- Register colour filters as ranges of stored due dates (docs/decisions/0017-register-colour-filters.md).
-- The urgency index carries what the filters read (and next_due_on, without which PostgreSQL does not read an
-- expression index alone), so that a page deep in a filtered list reads the index only.
-- Built under another name first: the old index is dropped (a short exclusive lock) only once the new one exists.
CREATE INDEX "dossiers_register_urgency_cover_idx" ON "dossiers" USING btree ("organisation_id",coalesce("next_due_on", 'infinity'::date),"reference") INCLUDE ("next_due_on","transmitted_at","status","sla_ack_status","sla_ack_due_on","sla_answer_status","sla_answer_due_on");--> statement-breakpoint
DROP INDEX IF EXISTS "dossiers_register_urgency_idx";--> statement-breakpoint
ALTER INDEX "dossiers_register_urgency_cover_idx" RENAME TO "dossiers_register_urgency_idx";
