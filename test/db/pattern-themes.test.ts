import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeThemes,
  KEPT_WEEKS,
  latestThemeRun,
  sampledTexts,
  storeThemeRun,
  themeRunWeeks,
} from '../../src/db/repositories/pattern-themes.ts';
import { insertUser } from '../../src/db/repositories/users.ts';
import { organisations } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/shared/calendar-date.ts';
import { storedThemes } from '../../src/server/patterns/use-cases.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { seedThemeTexts, THEMES_END, THEMES_FIRST_WEEK } from '../support/theme-texts.ts';

let database: TestDatabase;
let orgId: string;

const END = THEMES_END;
const FIRST_WEEK = THEMES_FIRST_WEEK;

async function seed() {
  const [org] = await database.db
    .insert(organisations)
    .values({ name: 'Mutuelle Thèmes', kind: 'mutuelle', slug: 'mutuelle-themes' })
    .returning();
  orgId = org!.id;
  const member = await insertUser(database.db, {
    email: 'm@themes.test',
    displayName: 'M',
    role: 'member',
    passwordHash: null,
  });
  await seedThemeTexts(database.db, {
    organisationId: orgId,
    organisationName: 'Mutuelle Thèmes',
    memberId: member.id,
    prefix: 'TH',
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed();
});
afterAll(() => database.dispose());

describe('the texts a themes run reads (issue 15 §2, decision 0020)', () => {
  it('reads at most the sample size each week, the same files every time, and never a draft or an erased file', async () => {
    const first = await sampledTexts(database.db, orgId, FIRST_WEEK, END, 5);
    const again = await sampledTexts(database.db, orgId, FIRST_WEEK, END, 5);
    expect(first.weeks).toHaveLength(16);
    expect(first.weeks.every((w) => w.texts === 5)).toBe(true);
    expect(first.weeks[0]).toEqual({ weekStart: FIRST_WEEK, complaints: 30, texts: 5 });
    // The last week: 30 steady + 7 new; the draft and the erased file are not counted.
    expect(first.weeks[15]).toEqual({ weekStart: '2026-11-16', complaints: 37, texts: 5 });
    expect(again.documents.map((d) => d.id)).toEqual(first.documents.map((d) => d.id));
    const all = await sampledTexts(database.db, orgId, FIRST_WEEK, END);
    expect(all.documents).toHaveLength(16 * 30 + 24);
  });
});

describe('stored themes of the weekly job (issue 15 §2)', () => {
  it('stores the themes and the new theme’s alert; a re-run of the week replaces it; 26 weeks are kept', async () => {
    const computation = await computeThemes(database.db, orgId, END);
    expect(computation.period).toEqual({ from: FIRST_WEEK, to: END });
    const meta = { durationMs: 1, computedAt: new Date('2026-11-23T06:00:00Z') };
    await database.db.transaction((tx) => storeThemeRun(tx, orgId, computation, meta));
    await database.db.transaction((tx) => storeThemeRun(tx, orgId, computation, meta));
    expect(await themeRunWeeks(database.db, orgId)).toEqual(['2026-11-16']);

    const stored = (await latestThemeRun(database.db, orgId))!;
    expect(stored.run).toMatchObject({ weekStart: '2026-11-16', status: 'done', recentFrom: '2026-10-26' });
    expect(stored.themes.length).toBeGreaterThanOrEqual(3);
    expect(stored.themes.every((t) => t.complaints >= 5)).toBe(true);
    const alerts = stored.themes.filter((t) => t.alertKind !== null);
    // The new topic is found and alerts, with most of its 24 texts (NMF may leave a few to a neighbouring theme,
    // or give it a few older texts: then it is « growing »).
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.terms.join(' ')).toMatch(/pharmac|tiers|payant/);
    expect(alerts[0]!.recent).toBeGreaterThanOrEqual(12);
    expect(alerts[0]!.alertExplanation).toMatch(
      /^(Nouveau thème|Thème en forte hausse) : \d+ réclamations depuis le 26\/10\/2026/,
    );

    // Thirty weekly runs: only the 26 newest weeks stay.
    for (let week = 29; week >= 0; week--) {
      const weekStart = addDays('2026-11-16', -7 * week);
      await database.db.transaction((tx) => storeThemeRun(tx, orgId, { ...computation, weekStart }, meta));
    }
    const weeks = await themeRunWeeks(database.db, orgId);
    expect(weeks).toHaveLength(KEPT_WEEKS);
    expect(weeks[0]).toBe(addDays('2026-11-16', -7 * (KEPT_WEEKS - 1)));
  });

  it('without enough texts, stores the French explanation instead of themes', async () => {
    const computation = await computeThemes(database.db, orgId, '2026-05-03');
    expect(computation.result.ok).toBe(false);
    await database.db.transaction((tx) =>
      storeThemeRun(tx, orgId, computation, { durationMs: 1, computedAt: new Date() }),
    );
    const runs = await database.db.execute<{ status: string; message: string }>(
      sql`select status, message from pattern_theme_runs where week_start = '2026-04-27'`,
    );
    const rows = Array.isArray(runs) ? runs : (runs as { rows: { status: string; message: string }[] }).rows;
    expect(rows[0]).toMatchObject({ status: 'not_enough_texts' });
    expect(rows[0]!.message).toMatch(/il en faut au moins 20 pour dégager des thèmes/);
  });

  it('before any run, the page is told in French when themes are computed', async () => {
    const [other] = await database.db
      .insert(organisations)
      .values({ name: 'Sans calcul', kind: 'mutuelle', slug: 'sans-calcul' })
      .returning();
    const stored = await storedThemes(database.db, other!.id);
    expect(stored).toMatchObject({ computedAt: null, weekStart: null, themes: [] });
    expect(stored.message).toMatch(/calculés chaque lundi/);
  });
});
