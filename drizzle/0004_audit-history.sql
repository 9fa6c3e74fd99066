CREATE TABLE "audit_chain_heads" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"prev_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log_leaves" (
	"leaf_index" bigint PRIMARY KEY NOT NULL,
	"event_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log_nodes" (
	"level" integer NOT NULL,
	"idx" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_nodes_level_idx_pk" PRIMARY KEY("level","idx")
);
--> statement-breakpoint
CREATE TABLE "audit_log_pending" (
	"event_seq" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
-- The hash of an event (docs/decisions/0004-audit-history.md), the one definition used by every append; the
-- verifier (src/domain/audit/event-hash.ts) recomputes it independently from the columns read as text. The 0x00 prefix
-- makes it the RFC 9162 leaf hash of the event, so the Merkle log reuses it as is.
CREATE FUNCTION audit_event_hash(p_chain uuid, p_chain_seq bigint, p_dossier uuid, p_actor uuid, p_type text,
  p_occurred timestamptz, p_prev text, p_payload jsonb) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256('\x00'::bytea || convert_to(
    'recours-audit-v2' || E'\n' || p_chain::text || E'\n' || p_chain_seq::text || E'\n'
    || coalesce(p_dossier::text, '') || E'\n' || coalesce(p_actor::text, '') || E'\n' || p_type || E'\n'
    || ((extract(epoch FROM p_occurred) * 1000000)::bigint)::text || E'\n' || p_prev || E'\n' || p_payload::text,
    'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Backfill: the former single chain becomes one chain per file (events without a file: the nil UUID chain),
-- rehashed with the new formula, every event queued for the Merkle log.
UPDATE "audit_events" e SET "chain_id" = n.chain_id, "chain_seq" = n.chain_seq
  FROM (SELECT seq, coalesce(dossier_id, '00000000-0000-0000-0000-000000000000'::uuid) AS chain_id,
    row_number() OVER (PARTITION BY coalesce(dossier_id, '00000000-0000-0000-0000-000000000000'::uuid) ORDER BY seq) AS chain_seq
    FROM "audit_events") n
  WHERE n.seq = e.seq;--> statement-breakpoint
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  cur uuid := NULL;
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY chain_id, chain_seq LOOP
    IF cur IS DISTINCT FROM r.chain_id THEN
      prev := repeat('0', 64);
      cur := r.chain_id;
    END IF;
    h := audit_event_hash(r.chain_id, r.chain_seq, r.dossier_id, r.actor_id, r.type, r.occurred_at, prev, r.payload);
    UPDATE audit_events SET prev_hash = prev, hash = h WHERE seq = r.seq;
    prev := h;
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "audit_chain_heads" ("chain_id", "last_seq", "last_hash", "prev_hash")
  SELECT DISTINCT ON (chain_id) chain_id, chain_seq, hash, prev_hash FROM "audit_events" ORDER BY chain_id, chain_seq DESC;--> statement-breakpoint
INSERT INTO "audit_log_pending" ("event_seq") SELECT seq FROM "audit_events";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "chain_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" SET NOT NULL;--> statement-breakpoint
-- A type is one line: the hashed text separates the columns with line feeds.
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_type_one_line" CHECK ("type" !~ '[[:cntrl:]]');--> statement-breakpoint
CREATE INDEX "audit_checkpoints_size_idx" ON "audit_checkpoints" USING btree ("tree_size");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_leaves_event_unique" ON "audit_log_leaves" USING btree ("event_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_seq_unique" ON "audit_events" USING btree ("chain_id","chain_seq");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE INDEX "audit_type_idx" ON "audit_events" USING btree ("type","seq");--> statement-breakpoint
CREATE INDEX "audit_occurred_idx" ON "audit_events" USING btree ("occurred_at","seq");