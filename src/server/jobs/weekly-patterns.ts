import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { NewNotification } from '../../db/repositories/notifications.ts';
import { computeSpikes, lastCompleteWeekEnd } from '../../db/repositories/pattern-spikes.ts';
import { computeThemes, storeThemeRun } from '../../db/repositories/pattern-themes.ts';
import { insertRun } from '../../db/repositories/patterns.ts';
import { organisations, users } from '../../db/schema.ts';
import { mondayOf } from '../../domain/patterns/cells.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import type { AppContext } from '../context.ts';

/** Creates notifications in the caller's transaction and returns their ids (notifications/notify.ts, passed in). */
export type NotifyInTransaction = (tx: Db, items: readonly NewNotification[]) => Promise<string[]>;

/** French titles of the supervisors' notifications of a theme alert. */
const THEME_ALERT_TITLES = {
  new: 'Nouveau thème de réclamations',
  growing: 'Thème de réclamations en forte hausse',
} as const;

/**
 * The weekly job for one organisation: the last complete week is analysed (spikes; themes of the 16 weeks ending
 * with it), the runs and their alerts stored, and the organisation's supervisors notified of each alert, in one
 * transaction; the caller queues the e-mails after the commit. The themes' run of a week replaces an earlier one
 * of the same week, and notification keys (organisation, week, combination or theme) make a second run harmless.
 */
export async function runWeeklyPatterns(
  ctx: AppContext,
  organisationId: string,
  notifyInTransaction: NotifyInTransaction,
): Promise<{ alerts: number; themeAlerts: number; notificationIds: string[] }> {
  const started = performance.now();
  const asOf = parisDateOf(ctx.now());
  const end = lastCompleteWeekEnd(asOf);
  const period = { from: mondayOf(end), to: end, asOf };
  const result = await computeSpikes(ctx.database, organisationId, period);
  const durationMs = Math.round(performance.now() - started);
  const themesStarted = performance.now();
  const themes = await computeThemes(ctx.database.db, organisationId, end);
  const themesDurationMs = Math.round(performance.now() - themesStarted);
  const computedAt = ctx.now();
  const themeAlerts = themes.result.ok ? themes.result.value.themes.filter((t) => t.alert !== null) : [];
  const supervisors = await ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), eq(users.organisationId, organisationId)));
  const notificationIds = await ctx.database.db.transaction(async (tx) => {
    await storeThemeRun(tx, organisationId, themes, { durationMs: themesDurationMs, computedAt });
    const themeNotices = await notifyInTransaction(
      tx,
      themeAlerts.flatMap((theme) =>
        supervisors.map((s) => ({
          userId: s.id,
          dossierId: null,
          kind: 'patterns.theme',
          title: THEME_ALERT_TITLES[theme.alert!.kind],
          body: `« ${theme.label} » — ${theme.alert!.explanation}`,
          dedupeKey: `patterns-theme:${organisationId}:${themes.weekStart}:${theme.label}:${s.id}`,
          createdAt: computedAt,
        })),
      ),
    );
    if (!result.ok) {
      await insertRun(
        tx,
        {
          organisationId,
          periodFrom: period.from,
          periodTo: period.to,
          asOf,
          status: 'insufficient_history',
          message: result.error.message,
          weeks: [],
          durationMs,
          computedAt,
        },
        [],
      );
      return themeNotices;
    }
    const { alerts, weeks, skipped } = result.value;
    await insertRun(
      tx,
      {
        organisationId,
        periodFrom: period.from,
        periodTo: period.to,
        asOf,
        status: 'done',
        message: null,
        weeks: { analysed: weeks, skipped },
        durationMs,
        computedAt,
      },
      alerts,
    );
    const spikeNotices = await notifyInTransaction(
      tx,
      alerts.flatMap((alert) =>
        supervisors.map((s) => ({
          userId: s.id,
          dossierId: null,
          kind: 'patterns.spike',
          title: 'Pic de réclamations détecté',
          body: alert.explanation,
          dedupeKey: `patterns:${organisationId}:${alert.weekStart}:${JSON.stringify(alert.dimensions)}:${s.id}`,
          createdAt: computedAt,
        })),
      ),
    );
    return [...themeNotices, ...spikeNotices];
  });
  return {
    alerts: result.ok ? result.value.alerts.length : 0,
    themeAlerts: themeAlerts.length,
    notificationIds,
  };
}

/** Every organisation, one after the other (the job runs weekly; each organisation's work is bounded). */
export async function runWeeklyPatternsForAll(
  ctx: AppContext,
  notifyInTransaction: NotifyInTransaction,
  afterCommit: (notificationIds: string[]) => Promise<void>,
): Promise<void> {
  const rows = await ctx.database.db.select({ id: organisations.id }).from(organisations);
  for (const row of rows) {
    const { notificationIds } = await runWeeklyPatterns(ctx, row.id, notifyInTransaction);
    await afterCommit(notificationIds);
  }
}
