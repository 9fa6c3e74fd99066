CREATE TABLE "pattern_theme_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text NOT NULL,
	"message" text,
	"weeks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recent_from" date,
	"recent_texts" integer DEFAULT 0 NOT NULL,
	"earlier_texts" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pattern_theme_runs_org_week_unique" UNIQUE("organisation_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "pattern_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"terms" jsonb NOT NULL,
	"complaints" integer NOT NULL,
	"examples" jsonb NOT NULL,
	"weekly" jsonb NOT NULL,
	"recent" integer NOT NULL,
	"earlier" integer NOT NULL,
	"recent_share" double precision NOT NULL,
	"earlier_share" double precision NOT NULL,
	"alert_kind" text,
	"alert_explanation" text,
	"alert_p_value" double precision
);
--> statement-breakpoint
ALTER TABLE "pattern_theme_runs" ADD CONSTRAINT "pattern_theme_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_themes" ADD CONSTRAINT "pattern_themes_run_id_pattern_theme_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."pattern_theme_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_themes" ADD CONSTRAINT "pattern_themes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pattern_themes_run_idx" ON "pattern_themes" USING btree ("run_id","position");
