import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyCsvLines } from '../../scripts/history-generator.ts';
import { DOSSIER_CATEGORIES } from '../../src/contracts/categories.ts';
import { COMPLAINT_CHANNELS } from '../../src/contracts/channels.ts';
import { dailyAggregatesExact, foldKpiDailySlots } from '../../src/db/repositories/kpi-daily.ts';
import { insertUser } from '../../src/db/repositories/users.ts';
import { dossiers, organisations } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/shared/calendar-date.ts';
import { readImportFile } from '../../src/server/import/read-records.ts';
import { importComplaints } from '../../src/server/import/use-cases.ts';
import { seededRandom } from '../../src/server/register/demo-data.ts';
import { kpiReport } from '../../src/server/shared/kpi-report.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// The daily aggregates of migration 0019 against the file scan (the reference): same report on random registers,
// after inserts, updates of every KPI column, moves to and from draft, and deletions.

let database: TestDatabase;
let orgId: string;
let otherOrgId: string;
let memberId: string;
const handlers: string[] = [];
const random = seededRandom(19);
const between = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const TODAY = '2026-09-30';

function randomFacts() {
  const receivedOn = addDays('2025-06-01', between(0, 480));
  const cap = (d: string) => (d > TODAY ? undefined : d);
  const ack = random() < 0.8 ? cap(addDays(receivedOn, between(0, 20))) : undefined;
  const answer = random() < 0.7 ? cap(addDays(receivedOn, between(0, 90))) : undefined;
  const mediation = answer && random() < 0.3 ? cap(addDays(answer, between(0, 30))) : undefined;
  return {
    complaintReceivedOn: receivedOn,
    ...(ack ? { acknowledgedOn: ack } : {}),
    ...(answer ? { answerReceivedOn: answer } : {}),
    ...(mediation ? { mediatorSeizedOn: mediation } : {}),
  };
}

function randomRow(i: number, org = orgId) {
  const facts = randomFacts();
  return {
    reference: `D-${org.slice(0, 4)}-${i}`,
    memberId,
    organisationId: org,
    organisationName: 'Mutuelle',
    organisationKind: 'mutuelle' as const,
    category: pick(DOSSIER_CATEGORIES),
    channel: pick(COMPLAINT_CHANNELS),
    title: 'x',
    status: pick(['submitted', 'acknowledged', 'answered', 'draft'] as const),
    facts,
    decision: facts.answerReceivedOn ? pick(['accepted', 'partial', 'rejected', null] as const) : null,
    satisfactionScore: random() < 0.5 ? between(1, 5) : null,
    product: pick(['Santé Plus', 'Santé Essentielle', null]),
    region: pick(['75', '2A', '971', null]),
    assignedHandlerId: random() < 0.8 ? pick(handlers) : null,
  };
}

const PERIODS = [
  { from: '2025-06-01', to: '2026-09-30', asOf: TODAY },
  { from: '2026-01-01', to: '2026-03-31', asOf: TODAY },
  { from: '2026-02-10', to: '2026-02-10', asOf: TODAY },
  { from: '2026-08-01', to: '2026-09-30', asOf: '2026-12-31' },
];

async function expectSameAsFiles() {
  for (const period of PERIODS) {
    const daily = await kpiReport(database.db, orgId, period);
    // The report filled kpi_calendar for the period, which judged the files counted before it.
    expect(await dailyAggregatesExact(database.db, { organisationId: orgId, ...period })).toBe(true);
    const files = await kpiReport(database.db, orgId, period, 'files');
    const sorted = (r: typeof daily) => ({
      ...r,
      byHandler: [...r.byHandler].sort((a, b) => (a.handlerId ?? '').localeCompare(b.handlerId ?? '')),
    });
    expect(sorted(daily)).toEqual(sorted(files));
  }
}

/** Aggregate rows without their latest date, which the triggers keep as an upper bound and a rebuild makes exact. */
const withoutBound = (rows: unknown[]) =>
  (rows as { max_fact_on: string | null }[]).map(({ max_fact_on: _bound, ...rest }) => rest);

async function aggregates() {
  const rows = (q: ReturnType<typeof sql>) =>
    database.db.execute(q).then((r) => (r as unknown as { rows: unknown[] }).rows);
  // One row per key whatever the slots it is spread over (migration 0021), as every reader sums them.
  return {
    daily: await rows(sql`select organisation_id, received_on, handler, sum(files)::int as files,
        sum(answered)::int as answered, sum(mediated)::int as mediated,
        sum(satisfaction_sum)::int as satisfaction_sum, sum(satisfaction_count)::int as satisfaction_count,
        sum(ack_in_time)::int as ack_in_time, sum(ack_late)::int as ack_late, sum(ack_none)::int as ack_none,
        sum(unjudged)::int as unjudged, sum(answer_in_time)::int as answer_in_time,
        sum(answer_late)::int as answer_late, max(max_fact_on) as max_fact_on
      from kpi_daily group by 1, 2, 3 having sum(files) <> 0 order by 1, 2, 3`),
    dims: await rows(sql`select organisation_id, received_on, dim, key, sum(files)::int as files
      from kpi_daily_dims group by 1, 2, 3, 4 having sum(files) <> 0 order by 1, 2, 3, 4`),
    answers: await rows(sql`select organisation_id, received_on, handler, days, sum(files)::int as files
      from kpi_daily_answers group by 1, 2, 3, 4 having sum(files) <> 0 order by 1, 2, 3, 4`),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const [org, other] = await database.db
    .insert(organisations)
    .values([
      { name: 'Mutuelle Jour', kind: 'mutuelle', slug: 'mutuelle-jour' },
      { name: 'Autre', kind: 'mutuelle', slug: 'autre-jour' },
    ])
    .returning();
  orgId = org!.id;
  otherOrgId = other!.id;
  memberId = (
    await insertUser(database.db, {
      email: 'm@jour.test',
      displayName: 'M',
      role: 'member',
      passwordHash: null,
    })
  ).id;
  for (let i = 0; i < 4; i++) {
    const u = await insertUser(database.db, {
      email: `h${i}@jour.test`,
      displayName: `H${i}`,
      role: 'handler',
      passwordHash: null,
      organisationId: orgId,
    });
    handlers.push(u.id);
  }
  // One multi-row insert (one trigger run) and a few single-row ones.
  await database.db.insert(dossiers).values(Array.from({ length: 500 }, (_, i) => randomRow(i)));
  for (let i = 500; i < 520; i++) await database.db.insert(dossiers).values(randomRow(i));
  await database.db.insert(dossiers).values(Array.from({ length: 50 }, (_, i) => randomRow(i, otherOrgId)));
});

afterAll(async () => {
  await database?.dispose();
});

describe('KPI daily aggregates (migration 0019) equal the file scan', () => {
  it('after inserts, on several periods and as-of dates', async () => {
    await expectSameAsFiles();
  });

  it('after updates of every KPI column, moves to and from draft, and deletions', async () => {
    const ids = (await database.db.execute(
      sql`select id::text as id from dossiers where organisation_id = ${orgId}`,
    )) as unknown as { rows: { id: string }[] };
    const all = ids.rows.map((r) => r.id);
    for (let i = 0; i < 60; i++) {
      const row = randomRow(10_000 + i);
      const { reference: _reference, ...changes } = row;
      await database.db.update(dossiers).set(changes).where(sql`id = ${all[i]!}::uuid`);
    }
    // One statement over many rows: assignment and status of a whole batch.
    await database.db.execute(
      sql`update dossiers set assigned_handler_id = ${handlers[0]!}::uuid, status = 'acknowledged'
          where organisation_id = ${orgId} and reference like '%-1%'`,
    );
    // An update that changes no KPI column writes nothing and changes nothing.
    const before = await aggregates();
    await database.db.execute(sql`update dossiers set title = 'y' where organisation_id = ${orgId}`);
    expect(await aggregates()).toEqual(before);
    await database.db.execute(
      sql`delete from dossiers where id in (${sql.join(
        all.slice(100, 140).map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    await expectSameAsFiles();
    // What the triggers kept is what a rebuild computes, but for the latest date of a day, which the triggers keep
    // as an upper bound (a change can only raise it): never below the exact one.
    const kept = await aggregates();
    await database.db.execute(sql`select kpi_daily_rebuild(${orgId}::uuid)`);
    await database.db.execute(sql`select kpi_daily_rebuild(${otherOrgId}::uuid)`);
    const rebuilt = await aggregates();
    expect(withoutBound(rebuilt.daily)).toEqual(withoutBound(kept.daily));
    expect(rebuilt.dims).toEqual(kept.dims);
    expect(rebuilt.answers).toEqual(kept.answers);
    kept.daily.forEach((row, i) => {
      const exact = (rebuilt.daily[i] as { max_fact_on: string | null }).max_fact_on;
      const bound = (row as { max_fact_on: string | null }).max_fact_on;
      if (exact !== null) expect(bound! >= exact).toBe(true);
    });
  });

  it('an as-of date before a stored date reads the files, exactly', async () => {
    const period = { organisationId: orgId, from: '2026-01-01', to: '2026-03-31', asOf: '2026-02-15' };
    expect(await dailyAggregatesExact(database.db, period)).toBe(false);
  });

  it('a file counted before its year is in the KPI calendar is judged when the calendar gets it', async () => {
    await database.db.insert(dossiers).values({
      ...randomRow(20_000),
      status: 'answered',
      facts: {
        complaintReceivedOn: '2014-03-03',
        acknowledgedOn: '2014-03-05',
        answerReceivedOn: '2014-04-01',
      },
    });
    const period = { organisationId: orgId, from: '2014-01-01', to: '2014-12-31', asOf: TODAY };
    const judged = await database.db.execute(
      sql`select sum(unjudged)::int as n from kpi_daily where received_on = '2014-03-03'`,
    );
    expect((judged as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    const report = await kpiReport(database.db, orgId, period); // fills 2014–2015 of kpi_calendar
    expect(report.acknowledgedInTimeRate).toBe(1);
    expect(await dailyAggregatesExact(database.db, period)).toBe(true);
    expect(await kpiReport(database.db, orgId, period)).toEqual(
      await kpiReport(database.db, orgId, period, 'files'),
    );
  });

  it('a history import (insert trigger deferred, touched days rebuilt) gives the same report as its files', async () => {
    const lines = [...historyCsvLines(400, TODAY)];
    const run = () =>
      importComplaints(database.db, readImportFile(Readable.from([lines.join('\n')]), 'csv'), {
        organisation: { name: 'Mutuelle Import Jour' },
        skipInvalid: true,
        dryRun: false,
        actorId: null,
        now: new Date(`${TODAY}T10:00:00Z`),
      });
    const report = await run();
    expect(report.committed).toBe(true);
    expect(report.imported).toBeGreaterThan(300);
    const org = report.organisation.id;
    const compare = async () => {
      for (const period of [
        { from: '2020-01-01', to: TODAY, asOf: TODAY },
        { from: '2026-01-01', to: '2026-06-30', asOf: TODAY },
      ]) {
        const daily = await kpiReport(database.db, org, period);
        expect(await dailyAggregatesExact(database.db, { organisationId: org, ...period })).toBe(true);
        expect(daily).toEqual(await kpiReport(database.db, org, period, 'files'));
      }
    };
    await compare();
    expect((await run()).imported).toBe(0);
    await compare();
    // The deferral ended with the import's transaction: a file added afterwards is counted by the trigger.
    await database.db
      .insert(dossiers)
      .values({ ...randomRow(30_000), organisationId: org, status: 'submitted' });
    await compare();
  });
});

describe('KPI aggregates spread over slots (migration 0021)', () => {
  const count = async (q: ReturnType<typeof sql>) =>
    Number(((await database.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

  it('rows of one key in several slots read as one, and folding them into slot 0 keeps every figure', async () => {
    // Concurrent writers leave a day's counts in several slots: spread what is there, then write on top of it.
    for (const table of ['kpi_daily', 'kpi_daily_dims', 'kpi_daily_answers']) {
      await database.db.execute(
        sql`update ${sql.identifier(table)} set slot = 1 + abs(hashtext(received_on::text)) % 7
            where organisation_id = ${orgId} and extract(day from received_on)::int % 2 = 0`,
      );
    }
    for (let i = 0; i < 40; i++) await database.db.insert(dossiers).values(randomRow(40_000 + i));
    const spread = await count(sql`select count(*)::int as n from (
        select 1 from kpi_daily where organisation_id = ${orgId}
        group by received_on, handler having count(*) > 1) k`);
    expect(spread).toBeGreaterThan(0);
    await expectSameAsFiles();
    const before = await aggregates();

    const folded = await foldKpiDailySlots(database.db, '2100-01-01');
    expect(folded).toBeGreaterThan(0);
    for (const table of ['kpi_daily', 'kpi_daily_dims', 'kpi_daily_answers']) {
      expect(await count(sql`select count(*)::int as n from ${sql.identifier(table)} where slot <> 0`)).toBe(
        0,
      );
    }
    // A folded day is rebuilt from its files: the same counts, and its latest date exact (the triggers keep an
    // upper bound of it).
    const after = await aggregates();
    expect(withoutBound(after.daily)).toEqual(withoutBound(before.daily));
    expect(after.dims).toEqual(before.dims);
    expect(after.answers).toEqual(before.answers);
    await expectSameAsFiles();
  });

  it('folds only the days before the one given', async () => {
    await database.db.execute(
      sql`update kpi_daily set slot = 3 where organisation_id = ${orgId} and received_on >= '2026-09-01'`,
    );
    const after = await count(sql`select count(*)::int as n from kpi_daily where slot = 3`);
    expect(after).toBeGreaterThan(0);
    await foldKpiDailySlots(database.db, '2026-09-01');
    expect(await count(sql`select count(*)::int as n from kpi_daily where slot = 3`)).toBe(after);
    await foldKpiDailySlots(database.db, '2026-10-01');
    expect(await count(sql`select count(*)::int as n from kpi_daily where slot = 3`)).toBe(0);
  });

  // PostgreSQL only: PGlite has one connection, so nothing there can wait on another writer.
  it.runIf(process.env.TEST_DATABASE_URL)(
    'two connections creating files of the same day do not wait on each other',
    async () => {
      const name = (
        (await database.db.execute(sql`select current_database() as name`)) as unknown as {
          rows: { name: string }[];
        }
      ).rows[0]!.name;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      // Two connections in different slots (the slot is the connection's process id modulo 8).
      const clients: pg.Client[] = [];
      const slots = new Map<number, pg.Client>();
      while (slots.size < 2) {
        const client = new pg.Client({ connectionString: url.href });
        await client.connect();
        clients.push(client);
        const pid = Number((await client.query('select pg_backend_pid() as pid')).rows[0].pid);
        if (!slots.has(pid % 8)) slots.set(pid % 8, client);
      }
      const [first, second] = [...slots.values()] as [pg.Client, pg.Client];
      const insert = (client: pg.Client, i: number) =>
        client.query(
          `insert into dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind,
             category, channel, title, status, facts)
           values ($1, $2, $3, 'Mutuelle', 'mutuelle', 'termination', 'web', 'x', 'submitted', $4)`,
          [`D-SLOT-${i}`, memberId, orgId, JSON.stringify({ complaintReceivedOn: '2026-09-29' })],
        );
      try {
        await first.query('begin');
        await insert(first, 1); // holds its slot's rows of 2026-09-29 until commit
        await second.query(`set lock_timeout = '3s'`);
        await insert(second, 2); // would wait (and time out) on the same rows
        await first.query('commit');
      } finally {
        for (const client of clients) await client.end();
      }
      expect(
        await count(sql`select count(distinct slot)::int as n from kpi_daily
          where organisation_id = ${orgId} and received_on = '2026-09-29' and handler = ''`),
      ).toBeGreaterThanOrEqual(2);
      await expectSameAsFiles();
    },
  );
});
