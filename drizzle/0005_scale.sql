-- The projection columns of existing files are filled by the deadline engine in JavaScript at the next start or
-- `recours db migrate` (SQL cannot run the engine): every row with projection_version null is projected then.
-- Issue 12: deadline projection, register on indexes, accent-insensitive French search.
-- Extensions: PostgreSQL ships them in postgresql-contrib (Debian: in the server package); PGlite loads them in
-- src/db/client.ts.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- French stemming after accents are removed: « resiliation » finds « résiliation ».
CREATE TEXT SEARCH CONFIGURATION recours_fr (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION recours_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
-- Names are not stemmed: « Lefèvre » and « lefevre » are the same, « Martin » is not « Martine ».
CREATE TEXT SEARCH CONFIGURATION recours_name (COPY = pg_catalog.simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION recours_name ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
DROP INDEX "dossiers_handler_idx";--> statement-breakpoint
ALTER TABLE "dossiers" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('recours_fr'::regconfig, coalesce("dossiers"."reference", '') || ' ' || coalesce("dossiers"."organisation_reference", '') || ' ' || coalesce("dossiers"."title", '')), 'A') || setweight(to_tsvector('recours_fr'::regconfig, coalesce("dossiers"."description", '') || ' ' || coalesce("dossiers"."organisation_name", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "dossiers_search_idx" ON "dossiers" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "complaint_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_ack_due_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_ack_status" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_ack_done" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_ack_actionable" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_answer_due_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_answer_status" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_answer_done" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sla_answer_actionable" boolean;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "next_due_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "next_due_clock" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "next_due_party" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "mediation_opens_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "mediation_due_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "projection_version" integer;--> statement-breakpoint
CREATE INDEX "dossiers_register_urgency_idx" ON "dossiers" USING btree ("organisation_id",coalesce("next_due_on", 'infinity'::date),"reference");--> statement-breakpoint
CREATE INDEX "dossiers_register_date_idx" ON "dossiers" USING btree ("organisation_id","complaint_on","reference");--> statement-breakpoint
CREATE INDEX "dossiers_reference_trgm_idx" ON "dossiers" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossiers_org_reference_trgm_idx" ON "dossiers" USING gin ("organisation_reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_name_search_idx" ON "users" USING gin (to_tsvector('recours_name'::regconfig, "display_name"));--> statement-breakpoint
CREATE INDEX "dossiers_handler_idx" ON "dossiers" USING btree ("assigned_handler_id","status");
