import { and, desc, eq, sql } from 'drizzle-orm';
import { mondayOf } from '../../domain/patterns/cells.ts';
import { discoverThemes, type ThemesResult } from '../../domain/patterns/themes/themes.ts';
import { addDays, type CalendarDate } from '../../domain/shared/calendar-date.ts';
import type { Result } from '../../domain/shared/result.ts';
import type { Db } from '../client.ts';
import { patternThemeRuns, patternThemes } from '../schema.ts';

// The themes of the weekly job (issue 15 §2; docs/decisions/0020-themes-in-the-weekly-job.md): a bounded,
// deterministic sample of texts read here, the pure discovery and alert rule, and the stored results the pages read.

/** Weeks of texts a run reads: the 4 recent weeks and the 12 before them (the alert rule's two windows). */
export const THEME_WEEKS = 16;
/**
 * Texts read per week at most: NMF stays a few seconds whatever the register (a million files hold ~10 000 a
 * week), and each week weighs the same in the themes. The shares are per texts read, so the rule is unbiased.
 */
export const TEXTS_PER_WEEK = 300;
/** Weeks of results kept per organisation (half a year of trends to look back on). */
export const KEPT_WEEKS = 26;

export interface ThemeWeek {
  weekStart: CalendarDate;
  /** Complaints received that week with a description. */
  complaints: number;
  /** Texts read among them. */
  texts: number;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/**
 * At most `perWeek` descriptions of each week of a period, chosen by a hash of the file's id (the same files on a
 * re-run, spread over the week unlike « the newest »), with each week's number of complaints with a description.
 * Ordered by day and text: NMF's result depends on the order of its rows, and the same texts must give the same
 * themes whatever the files' ids.
 * Only the member's own description: never documents, messages or decisions (medical secrecy, issue 18); drafts
 * are the member's until sent and erased files are gone (RGPD art. 17).
 */
export async function sampledTexts(
  db: Db,
  organisationId: string,
  from: CalendarDate,
  to: CalendarDate,
  perWeek = TEXTS_PER_WEEK,
): Promise<{ documents: { id: string; receivedOn: CalendarDate; text: string }[]; weeks: ThemeWeek[] }> {
  const result = await db.execute(sql`
    select s.id, to_char(s.received_on, 'YYYY-MM-DD') as "receivedOn", d.description as text, s.total
      from (select d.id, d.received_on,
                   row_number() over (partition by date_trunc('week', d.received_on::timestamp)
                                      order by md5(d.id::text)) as n,
                   count(*) over (partition by date_trunc('week', d.received_on::timestamp))::int as total
              from dossiers d
             where d.organisation_id = ${organisationId}
               and d.received_on between ${from}::date and ${to}::date
               and d.status <> 'draft' and d.erased_at is null and length(d.description) > 0) s
      join dossiers d on d.id = s.id
     where s.n <= ${perWeek}
     order by s.received_on, d.description, s.id`);
  const rows = rowsOf<{ id: string; receivedOn: CalendarDate; text: string; total: number }>(result);
  const weeks = new Map<CalendarDate, ThemeWeek>();
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) {
    weeks.set(week, { weekStart: week, complaints: 0, texts: 0 });
  }
  for (const row of rows) {
    const week = weeks.get(mondayOf(row.receivedOn));
    if (!week) continue;
    week.complaints = row.total;
    week.texts++;
  }
  return {
    documents: rows.map(({ id, receivedOn, text }) => ({ id, receivedOn, text })),
    weeks: [...weeks.values()],
  };
}

export interface ThemeComputation {
  weekStart: CalendarDate;
  period: { from: CalendarDate; to: CalendarDate };
  weeks: ThemeWeek[];
  result: Result<ThemesResult>;
}

/** The themes of the 16 weeks ending with the week that ends on `end` (a Sunday): sample, then the pure rule. */
export async function computeThemes(
  db: Db,
  organisationId: string,
  end: CalendarDate,
): Promise<ThemeComputation> {
  const weekStart = mondayOf(end);
  const from = addDays(weekStart, -7 * (THEME_WEEKS - 1));
  const { documents, weeks } = await sampledTexts(db, organisationId, from, end);
  return { weekStart, period: { from, to: end }, weeks, result: discoverThemes(documents, { asOf: end }) };
}

/**
 * Stores a computation as the organisation's run of that week, in the caller's transaction: a re-run of the same
 * week replaces it (one result per organisation and week), and runs older than KEPT_WEEKS weeks go.
 */
export async function storeThemeRun(
  tx: Db,
  organisationId: string,
  computation: ThemeComputation,
  meta: { durationMs: number; computedAt: Date },
): Promise<void> {
  const { weekStart, period, weeks, result } = computation;
  await tx
    .delete(patternThemeRuns)
    .where(
      and(
        eq(patternThemeRuns.organisationId, organisationId),
        sql`(${patternThemeRuns.weekStart} = ${weekStart}::date or ${patternThemeRuns.weekStart} <= ${addDays(weekStart, -7 * KEPT_WEEKS)}::date)`,
      ),
    );
  const [run] = await tx
    .insert(patternThemeRuns)
    .values({
      organisationId,
      weekStart,
      periodFrom: period.from,
      periodTo: period.to,
      status: result.ok ? 'done' : 'not_enough_texts',
      message: result.ok ? null : result.error.message,
      weeks,
      recentFrom: result.ok ? result.value.recentFrom : null,
      recentTexts: result.ok ? result.value.recentTexts : 0,
      earlierTexts: result.ok ? result.value.earlierTexts : 0,
      ...meta,
    })
    .returning({ id: patternThemeRuns.id });
  if (!result.ok || result.value.themes.length === 0) return;
  await tx.insert(patternThemes).values(
    result.value.themes.map((t, position) => ({
      runId: run!.id,
      organisationId,
      position,
      label: t.label,
      terms: t.terms,
      complaints: t.complaints,
      examples: t.examples,
      weekly: t.weekly,
      recent: t.recent,
      earlier: t.earlier,
      recentShare: t.recentShare,
      earlierShare: t.earlierShare,
      alertKind: t.alert?.kind ?? null,
      alertExplanation: t.alert?.explanation ?? null,
      alertPValue: t.alert?.pValue ?? null,
    })),
  );
}

/** The organisation's latest run of themes (the newest week) with its themes, or undefined before the first. */
export async function latestThemeRun(db: Db, organisationId: string) {
  const [run] = await db
    .select()
    .from(patternThemeRuns)
    .where(eq(patternThemeRuns.organisationId, organisationId))
    .orderBy(desc(patternThemeRuns.weekStart))
    .limit(1);
  if (!run) return undefined;
  const themes = await db
    .select()
    .from(patternThemes)
    .where(and(eq(patternThemes.runId, run.id), eq(patternThemes.organisationId, organisationId)))
    .orderBy(patternThemes.position);
  return { run: { ...run, weeks: run.weeks as ThemeWeek[] }, themes };
}

/** Weeks of an organisation's stored runs, oldest first. */
export async function themeRunWeeks(db: Db, organisationId: string): Promise<CalendarDate[]> {
  const rows = await db
    .select({ weekStart: patternThemeRuns.weekStart })
    .from(patternThemeRuns)
    .where(eq(patternThemeRuns.organisationId, organisationId))
    .orderBy(patternThemeRuns.weekStart);
  return rows.map((r) => r.weekStart);
}
