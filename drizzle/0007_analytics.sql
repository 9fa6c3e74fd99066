-- Issue 14 (analytics). The complaint's dates stay in the deadline engine's facts (one source of truth); these
-- generated columns only expose them to SQL. Invalid dates never reach facts (the engine validates them), and
-- make_date would refuse one anyway.
CREATE OR REPLACE FUNCTION recours_fact_date(facts jsonb, field text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN facts->>field ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    THEN make_date(substr(facts->>field, 1, 4)::int, substr(facts->>field, 6, 2)::int, substr(facts->>field, 9, 2)::int)
  END
$$;
--> statement-breakpoint
CREATE TABLE "kpi_calendar" (
	"day" date PRIMARY KEY NOT NULL,
	"acknowledgment_due_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "product" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "received_on" date GENERATED ALWAYS AS (coalesce(recours_fact_date("dossiers"."facts", 'complaintReceivedOn'), recours_fact_date("dossiers"."facts", 'complaintSentOn'), ("dossiers"."created_at" at time zone 'Europe/Paris')::date)) STORED;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "acknowledged_on" date GENERATED ALWAYS AS (recours_fact_date("dossiers"."facts", 'acknowledgedOn')) STORED;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "answered_on" date GENERATED ALWAYS AS (recours_fact_date("dossiers"."facts", 'answerReceivedOn')) STORED;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "mediation_referred_on" date GENERATED ALWAYS AS (recours_fact_date("dossiers"."facts", 'mediatorSeizedOn')) STORED;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossiers_org_received_idx" ON "dossiers" USING btree ("organisation_id","received_on");--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_region_check" CHECK ("region" IS NULL OR "region" ~ '^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$' AND "region" <> '20');
--> statement-breakpoint
-- Stable views for BI tools (docs/power-bi.md): no free text, no health detail, no member identity.
CREATE SCHEMA IF NOT EXISTS reporting;
--> statement-breakpoint
CREATE VIEW reporting.organisations AS
  SELECT o.id AS organisation_id, o.name, o.kind FROM organisations o;
--> statement-breakpoint
CREATE VIEW reporting.staff AS
  SELECT u.id AS staff_id, u.organisation_id, u.display_name, u.role, (u.deactivated_at IS NULL) AS active
  FROM users u WHERE u.organisation_id IS NOT NULL AND u.role <> 'member';
--> statement-breakpoint
CREATE VIEW reporting.complaints AS
  SELECT d.id AS complaint_id, d.reference, d.organisation_id, d.received_on, d.acknowledged_on, d.answered_on,
    d.mediation_referred_on, c.acknowledgment_due_on, (d.received_on + interval '2 months')::date AS answer_due_on,
    CASE
      WHEN least(d.acknowledged_on, d.answered_on) IS NOT NULL THEN least(d.acknowledged_on, d.answered_on) <= c.acknowledgment_due_on
      WHEN c.acknowledgment_due_on < current_date THEN false
    END AS acknowledged_in_time,
    CASE
      WHEN d.answered_on IS NOT NULL THEN d.answered_on <= (d.received_on + interval '2 months')::date
      WHEN (d.received_on + interval '2 months')::date < current_date THEN false
    END AS answered_in_time,
    d.answered_on - d.received_on AS days_to_answer,
    d.category, d.channel, d.product, d.region, d.status, d.decision AS outcome, d.priority,
    d.satisfaction_score, d.assigned_handler_id AS handler_id
  FROM dossiers d LEFT JOIN kpi_calendar c ON c.day = d.received_on
  WHERE d.organisation_id IS NOT NULL AND d.status <> 'draft';
--> statement-breakpoint
-- KPIs count reopened files without scanning the whole history.
CREATE INDEX IF NOT EXISTS "audit_events_reopened_idx" ON "audit_events" ("dossier_id") WHERE "type" = 'dossier.reopened';
