CREATE TABLE "memberships" (
	"organisation_id" uuid NOT NULL,
	"product" text NOT NULL,
	"counted_on" date NOT NULL,
	"members" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_organisation_id_product_counted_on_pk" PRIMARY KEY("organisation_id","product","counted_on")
);
--> statement-breakpoint
CREATE TABLE "pattern_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"dimensions" jsonb NOT NULL,
	"observed" integer NOT NULL,
	"expected" double precision NOT NULL,
	"score" double precision NOT NULL,
	"explanation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pattern_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"as_of" date NOT NULL,
	"status" text NOT NULL,
	"message" text,
	"weeks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration_ms" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_alerts" ADD CONSTRAINT "pattern_alerts_run_id_pattern_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."pattern_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_alerts" ADD CONSTRAINT "pattern_alerts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pattern_runs" ADD CONSTRAINT "pattern_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pattern_alerts_run_idx" ON "pattern_alerts" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "pattern_alerts_org_week_idx" ON "pattern_alerts" USING btree ("organisation_id","week_start");--> statement-breakpoint
CREATE INDEX "pattern_runs_org_idx" ON "pattern_runs" USING btree ("organisation_id","computed_at");--> statement-breakpoint
CREATE TABLE "contract_clauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"product" text,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"topic" text,
	"imported_by_id" uuid NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract_clauses" ADD CONSTRAINT "contract_clauses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_clauses" ADD CONSTRAINT "contract_clauses_imported_by_id_users_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_clauses_org_idx" ON "contract_clauses" USING btree ("organisation_id","imported_at","id");
