CREATE TABLE "inbound_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"from_address" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"dossier_id" uuid,
	"outcome" text NOT NULL,
	"reason" text,
	"attachments_refused" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_emails" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"sent_at" timestamp with time zone,
	"smtp_message_id" text
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "ocr_text" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "ocr_status" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "ocr_corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "recorded_by_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "identification_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "written_confirmation_invited_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "complaints_email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "recorded_by_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "member_number" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "claim_code_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "claim_code_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "claimed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_emails" ADD CONSTRAINT "outbound_emails_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_message_unique" ON "inbound_emails" USING btree ("organisation_id","message_id");--> statement-breakpoint
CREATE INDEX "inbound_emails_sender_idx" ON "inbound_emails" USING btree ("organisation_id","from_address","received_at");--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_merged_into_id_dossiers_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_recorded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_claimed_by_id_users_id_fk" FOREIGN KEY ("claimed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_ocr_search_idx" ON "documents" USING gin (to_tsvector('recours_fr'::regconfig, coalesce("ocr_text", '')));--> statement-breakpoint
CREATE INDEX "users_recorded_org_idx" ON "users" USING btree ("recorded_by_organisation_id","member_number");--> statement-breakpoint
CREATE INDEX "users_recorded_contact_idx" ON "users" USING btree ("recorded_by_organisation_id",lower("contact_email"));--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "organisations_complaints_email_unique" ON "organisations" (lower("complaints_email"));