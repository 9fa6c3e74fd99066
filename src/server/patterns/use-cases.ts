import type { StoredThemes, ThemeAlert } from '../../contracts/api/patterns.ts';
import type { Database, Db } from '../../db/client.ts';
import { latestThemeRun, TEXTS_PER_WEEK } from '../../db/repositories/pattern-themes.ts';
import { latestRun } from '../../db/repositories/patterns.ts';

const NO_THEMES_YET =
  'Les thèmes sont calculés chaque lundi sur les seize semaines écoulées ; aucun calcul n’a encore eu lieu pour votre organisme.';

export async function storedPatterns(database: Database, organisationId: string) {
  const [spikes, themes] = [
    await latestRun(database.db, organisationId),
    await latestThemeRun(database.db, organisationId),
  ];
  const themeAlerts: ThemeAlert[] = (themes?.themes ?? []).flatMap((t) =>
    t.alertKind && t.alertExplanation
      ? [
          {
            label: t.label,
            kind: t.alertKind,
            explanation: t.alertExplanation,
            weekStart: themes!.run.weekStart,
          },
        ]
      : [],
  );
  return { spikes, themeAlerts };
}

/** The themes the weekly job stored last, as the page shows them (the page computes nothing). */
export async function storedThemes(db: Db, organisationId: string): Promise<StoredThemes> {
  const stored = await latestThemeRun(db, organisationId);
  if (!stored) {
    return {
      computedAt: null,
      weekStart: null,
      period: null,
      recentFrom: null,
      message: NO_THEMES_YET,
      textsPerWeek: TEXTS_PER_WEEK,
      weeks: [],
      themes: [],
    };
  }
  const { run, themes } = stored;
  return {
    computedAt: run.computedAt.toISOString(),
    weekStart: run.weekStart,
    period: { from: run.periodFrom, to: run.periodTo },
    recentFrom: run.recentFrom,
    message: run.message,
    textsPerWeek: TEXTS_PER_WEEK,
    weeks: run.weeks,
    themes: themes.map((t) => ({
      label: t.label,
      terms: t.terms,
      complaints: t.complaints,
      examples: t.examples,
      weekly: t.weekly,
      recent: t.recent,
      earlier: t.earlier,
      recentShare: t.recentShare,
      earlierShare: t.earlierShare,
      alert:
        t.alertKind && t.alertExplanation ? { kind: t.alertKind, explanation: t.alertExplanation } : null,
    })),
  };
}
