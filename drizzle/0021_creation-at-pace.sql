-- Issue 12, creation at the database's pace. Measured with pgbench replaying the API's creation (8 clients, this
-- 2-core machine): 327 creations/s with the KPI insert trigger of 0019, 1 169/s without it; one client 4.3 ms a
-- creation against 2.0 ms. Three costs, each removed here without changing a figure:
--
-- 1. recours_fact_date was a SQL function: PostgreSQL inlines it again, parsing its body, each time an insert or
--    update prepares the generated columns (received_on and three more: five calls), which it does at every
--    execution, prepared statement or not. In PL/pgSQL it is compiled once per connection. Same body, same result.
CREATE OR REPLACE FUNCTION recours_fact_date(facts jsonb, field text) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
  RETURN CASE WHEN facts->>field ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    THEN make_date(substr(facts->>field, 1, 4)::int, substr(facts->>field, 6, 2)::int, substr(facts->>field, 9, 2)::int)
  END;
END
$$;
--> statement-breakpoint
-- 2. Every file created on a day added to the same aggregate rows (organisation, today, no handler; today's
--    category, channel…), so concurrent creations queued on their locks until each commit. The rows are now
--    spread over 8 slots (the writer's connection: pg_backend_pid() % 8, so that a transaction always writes the
--    same slot and two connections' transactions never wait on each other but for a shared slot). Every reader
--    sums over the slots; kpi_daily_fold_slots folds the slots of past days back into slot 0 (nightly job).
ALTER TABLE "kpi_daily" ADD COLUMN "slot" smallint NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE "kpi_daily" DROP CONSTRAINT "kpi_daily_pkey";--> statement-breakpoint
ALTER TABLE "kpi_daily" ADD PRIMARY KEY ("organisation_id", "received_on", "handler", "slot");--> statement-breakpoint
ALTER TABLE "kpi_daily_dims" ADD COLUMN "slot" smallint NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE "kpi_daily_dims" DROP CONSTRAINT "kpi_daily_dims_pkey";--> statement-breakpoint
ALTER TABLE "kpi_daily_dims" ADD PRIMARY KEY ("organisation_id", "received_on", "dim", "key", "slot") INCLUDE ("files");--> statement-breakpoint
ALTER TABLE "kpi_daily_answers" ADD COLUMN "slot" smallint NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE "kpi_daily_answers" DROP CONSTRAINT "kpi_daily_answers_pkey";--> statement-breakpoint
ALTER TABLE "kpi_daily_answers" ADD PRIMARY KEY ("organisation_id", "received_on", "handler", "days", "slot") INCLUDE ("files");--> statement-breakpoint
-- The upserts of 0019, writing the writer's slot. `source` as in 0019; `slot` is an SQL expression of the slot.
CREATE OR REPLACE FUNCTION kpi_daily_merge_statements(source text, slot text DEFAULT '(pg_backend_pid() % 8)')
RETURNS text[]
LANGUAGE sql IMMUTABLE
AS $fn$
  SELECT ARRAY[
    format($q$
      INSERT INTO kpi_daily AS k (organisation_id, received_on, handler, slot, files, answered, mediated,
        satisfaction_sum, satisfaction_count, ack_in_time, ack_late, ack_none, unjudged, answer_in_time, answer_late,
        max_fact_on)
      SELECT organisation_id, received_on, handler, %2$s, files, answered, mediated, satisfaction_sum,
        satisfaction_count, ack_in_time, ack_late, ack_none, unjudged, answer_in_time, answer_late, max_fact_on
      FROM (
        SELECT organisation_id, received_on, handler, sum(sign) AS files,
          coalesce(sum(sign) FILTER (WHERE ans IS NOT NULL), 0) AS answered,
          coalesce(sum(sign) FILTER (WHERE ans IS NOT NULL AND med IS NOT NULL), 0) AS mediated,
          coalesce(sum(sign * satisfaction_score), 0) AS satisfaction_sum,
          coalesce(sum(sign) FILTER (WHERE satisfaction_score IS NOT NULL), 0) AS satisfaction_count,
          coalesce(sum(sign) FILTER (WHERE first <= ack_due), 0) AS ack_in_time,
          coalesce(sum(sign) FILTER (WHERE first > ack_due), 0) AS ack_late,
          coalesce(sum(sign) FILTER (WHERE first IS NULL), 0) AS ack_none,
          coalesce(sum(sign) FILTER (WHERE first IS NOT NULL AND ack_due IS NULL), 0) AS unjudged,
          coalesce(sum(sign) FILTER (WHERE ans <= ans_due), 0) AS answer_in_time,
          coalesce(sum(sign) FILTER (WHERE ans > ans_due), 0) AS answer_late,
          max(greatest(ack, ans, med)) FILTER (WHERE sign > 0) AS max_fact_on,
          max(greatest(ack, ans, med)) FILTER (WHERE sign < 0) AS old_max_fact_on
        FROM (
          SELECT s.sign, s.organisation_id, s.received_on, coalesce(s.assigned_handler_id::text, '') AS handler,
            s.satisfaction_score, s.acknowledged_on AS ack, s.answered_on AS ans, s.mediation_referred_on AS med,
            least(s.acknowledged_on, s.answered_on) AS first, c.acknowledgment_due_on AS ack_due,
            (s.received_on + interval '2 months')::date AS ans_due
          FROM (%1$s) s LEFT JOIN kpi_calendar c ON c.day = s.received_on
          WHERE s.organisation_id IS NOT NULL AND s.status <> 'draft' AND s.received_on IS NOT NULL
        ) f
        GROUP BY organisation_id, received_on, handler
      ) g
      -- An update that changes nothing the aggregate holds cancels out: nothing written.
      WHERE (files, answered, mediated, satisfaction_sum, satisfaction_count, ack_in_time, ack_late, ack_none,
          unjudged, answer_in_time, answer_late) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        OR max_fact_on IS DISTINCT FROM old_max_fact_on
      -- Rows locked in key order: two writers of the same days cannot deadlock on them.
      ORDER BY organisation_id, received_on, handler
      ON CONFLICT (organisation_id, received_on, handler, slot) DO UPDATE SET
        files = k.files + excluded.files,
        answered = k.answered + excluded.answered,
        mediated = k.mediated + excluded.mediated,
        satisfaction_sum = k.satisfaction_sum + excluded.satisfaction_sum,
        satisfaction_count = k.satisfaction_count + excluded.satisfaction_count,
        ack_in_time = k.ack_in_time + excluded.ack_in_time,
        ack_late = k.ack_late + excluded.ack_late,
        ack_none = k.ack_none + excluded.ack_none,
        unjudged = k.unjudged + excluded.unjudged,
        answer_in_time = k.answer_in_time + excluded.answer_in_time,
        answer_late = k.answer_late + excluded.answer_late,
        max_fact_on = greatest(k.max_fact_on, excluded.max_fact_on)
    $q$, source, slot),
    format($q$
      INSERT INTO kpi_daily_dims AS k (organisation_id, received_on, dim, key, slot, files)
      SELECT s.organisation_id, s.received_on, v.dim, v.key, %2$s, sum(s.sign)
      FROM (%1$s) s CROSS JOIN LATERAL (VALUES ('category', s.category::text), ('channel', s.channel::text),
        ('product', s.product), ('region', s.region), ('satisfaction', s.satisfaction_score::text),
        ('outcome', CASE WHEN s.answered_on IS NOT NULL THEN coalesce(s.decision::text, '') END)) v (dim, key)
      WHERE s.organisation_id IS NOT NULL AND s.status <> 'draft' AND s.received_on IS NOT NULL AND v.key IS NOT NULL
      GROUP BY s.organisation_id, s.received_on, v.dim, v.key
      HAVING sum(s.sign) <> 0
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (organisation_id, received_on, dim, key, slot) DO UPDATE SET files = k.files + excluded.files
    $q$, source, slot),
    format($q$
      INSERT INTO kpi_daily_answers AS k (organisation_id, received_on, handler, days, slot, files)
      SELECT s.organisation_id, s.received_on, coalesce(s.assigned_handler_id::text, ''),
        s.answered_on - s.received_on, %2$s, sum(s.sign)
      FROM (%1$s) s
      WHERE s.organisation_id IS NOT NULL AND s.status <> 'draft' AND s.received_on IS NOT NULL
        AND s.answered_on IS NOT NULL
      GROUP BY 1, 2, 3, 4
      HAVING sum(s.sign) <> 0
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (organisation_id, received_on, handler, days, slot) DO UPDATE SET files = k.files + excluded.files
    $q$, source, slot)
  ]
$fn$;
--> statement-breakpoint
DROP FUNCTION kpi_daily_merge_statements(text);
--> statement-breakpoint
-- The rebuild writes slot 0: a rebuilt day is one row per key.
CREATE OR REPLACE FUNCTION kpi_daily_rebuild_where(scope text) RETURNS void
LANGUAGE plpgsql
AS $fn$
DECLARE
  statement text;
BEGIN
  EXECUTE 'DELETE FROM kpi_daily WHERE ' || scope;
  EXECUTE 'DELETE FROM kpi_daily_dims WHERE ' || scope;
  EXECUTE 'DELETE FROM kpi_daily_answers WHERE ' || scope;
  FOREACH statement IN ARRAY kpi_daily_merge_statements('SELECT 1 AS sign, * FROM dossiers WHERE ' || scope, '0')
  LOOP
    EXECUTE statement;
  END LOOP;
END
$fn$;
--> statement-breakpoint
-- 3. The trigger of 0019 built its three upserts as text and ran them with EXECUTE: parsed and planned again at
--    every creation. The three trigger functions below hold them as static statements, compiled and planned once
--    per connection; they are generated from kpi_daily_merge_statements (still the one text of the upserts), so a
--    later change of those statements must run this block again.
DO $do$
DECLARE
  kind text;
  source text;
  guard text;
  s text[];
BEGIN
  FOREACH kind IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
    IF kind = 'insert' THEN
      source := 'SELECT 1 AS sign, * FROM kpi_new';
      -- A history import inserts its files with this set (SET LOCAL) and then rebuilds the days it touched in one
      -- grouped pass (kpi_daily_rebuild_days): far cheaper than an upsert per batch spread over years of days.
      guard := $g$IF current_setting('recours.kpi_daily_deferred', true) = 'on' THEN RETURN NULL; END IF;$g$;
    ELSIF kind = 'delete' THEN
      source := 'SELECT -1 AS sign, * FROM kpi_old';
      guard := '';
    ELSE
      source := 'SELECT 1 AS sign, * FROM kpi_new UNION ALL SELECT -1 AS sign, * FROM kpi_old';
      -- Most updates of a file (status, notes, assignment kept) leave every KPI column as it was: skip them cheaply.
      guard := $g$IF NOT EXISTS (
        (SELECT organisation_id, status = 'draft', received_on, acknowledged_on, answered_on, mediation_referred_on,
           assigned_handler_id, satisfaction_score, category, channel, product, region, decision FROM kpi_new
         EXCEPT ALL
         SELECT organisation_id, status = 'draft', received_on, acknowledged_on, answered_on, mediation_referred_on,
           assigned_handler_id, satisfaction_score, category, channel, product, region, decision FROM kpi_old)
      ) THEN
        RETURN NULL;
      END IF;$g$;
    END IF;
    s := kpi_daily_merge_statements(source);
    EXECUTE format($f$CREATE OR REPLACE FUNCTION kpi_daily_on_%1$s() RETURNS trigger
LANGUAGE plpgsql
AS $body$
BEGIN
  %2$s
  %3$s;
  %4$s;
  %5$s;
  RETURN NULL;
END
$body$$f$, kind, guard, s[1], s[2], s[3]);
  END LOOP;
END
$do$;
--> statement-breakpoint
DROP TRIGGER kpi_daily_insert ON dossiers;--> statement-breakpoint
DROP TRIGGER kpi_daily_update ON dossiers;--> statement-breakpoint
DROP TRIGGER kpi_daily_delete ON dossiers;--> statement-breakpoint
DROP FUNCTION kpi_daily_on_change();--> statement-breakpoint
CREATE TRIGGER kpi_daily_insert AFTER INSERT ON dossiers REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_on_insert();
--> statement-breakpoint
CREATE TRIGGER kpi_daily_update AFTER UPDATE ON dossiers REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_on_update();
--> statement-breakpoint
CREATE TRIGGER kpi_daily_delete AFTER DELETE ON dossiers REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_daily_on_delete();
--> statement-breakpoint
-- Folds the slots of the days received before `before` back into slot 0 (the nightly job, for yesterday and earlier):
-- those days are rebuilt from their files by kpi_daily_rebuild_days, one row per key again (and max_fact_on exact).
-- A writer of such a day meanwhile waits for the rows the rebuild deleted, then adds its change in its own slot.
-- Returns the days folded.
CREATE OR REPLACE FUNCTION kpi_daily_fold_slots(before date) RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
  r record;
  folded integer := 0;
BEGIN
  FOR r IN
    SELECT organisation_id, array_agg(DISTINCT received_on) AS days
    FROM (
      SELECT organisation_id, received_on FROM kpi_daily WHERE slot <> 0 AND received_on < before
      UNION ALL
      SELECT organisation_id, received_on FROM kpi_daily_dims WHERE slot <> 0 AND received_on < before
      UNION ALL
      SELECT organisation_id, received_on FROM kpi_daily_answers WHERE slot <> 0 AND received_on < before
    ) spread
    GROUP BY organisation_id
  LOOP
    PERFORM kpi_daily_rebuild_days(r.organisation_id, r.days);
    folded := folded + cardinality(r.days);
  END LOOP;
  RETURN folded;
END
$fn$;
