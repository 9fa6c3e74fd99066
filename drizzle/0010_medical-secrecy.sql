CREATE TABLE "medical_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"question" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"adviser_id" uuid,
	"conclusion" text,
	"summary" text,
	"medical_detail" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "medical" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "medical" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "medical" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "medical_opinions" ADD CONSTRAINT "medical_opinions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_opinions" ADD CONSTRAINT "medical_opinions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_opinions" ADD CONSTRAINT "medical_opinions_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_opinions" ADD CONSTRAINT "medical_opinions_adviser_id_users_id_fk" FOREIGN KEY ("adviser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "medical_opinions_dossier_idx" ON "medical_opinions" USING btree ("dossier_id","requested_at");--> statement-breakpoint
CREATE INDEX "medical_opinions_queue_idx" ON "medical_opinions" USING btree ("organisation_id","status","requested_at","id");