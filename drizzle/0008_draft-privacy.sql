ALTER TABLE "dossiers" ADD COLUMN "transmitted_at" timestamp with time zone;--> statement-breakpoint
-- Files already past the draft were seen by their organisation: they count as transmitted when they were created.
-- Drafts become private to their member until he transmits them (issue 16).
UPDATE "dossiers" SET "transmitted_at" = "created_at" WHERE "status" <> 'draft' AND "organisation_id" IS NOT NULL;
