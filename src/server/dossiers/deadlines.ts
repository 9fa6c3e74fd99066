import type { DossierRow } from '../../db/repositories/dossiers.ts';
import { computeDeadlines } from '../../domain/deadlines/engine.ts';
import type { DeadlinesOutput } from '../../domain/deadlines/schema.ts';
import { type CalendarDate, parisDateOf } from '../../domain/shared/calendar-date.ts';
import type { DomainError } from '../../domain/shared/result.ts';

/**
 * A file's deadlines, always from the one deadline engine (issue 3): its stored facts, its organisation's kind
 * and zone, on the Paris calendar day of `now`.
 */
export function deadlinesOf(
  dossier: Pick<DossierRow, 'facts' | 'organisationKind' | 'zone'>,
  now: Date,
): { ok: true; value: DeadlinesOutput } | { ok: false; error: DomainError } {
  return computeDeadlines({
    context: { organisationType: dossier.organisationKind, zone: dossier.zone, today: parisDateOf(now) },
    facts: dossier.facts ?? {},
  });
}

export function todayInParis(now: Date): CalendarDate {
  return parisDateOf(now);
}
