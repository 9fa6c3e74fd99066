import type { Db } from '../../db/client.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import { organisationOf } from '../../db/repositories/users.ts';
import { type MediatorChoice, mutuelleMediatorOption } from '../../domain/deadlines/competent-mediator.ts';
import { computeDeadlines } from '../../domain/deadlines/engine.ts';
import type { DeadlinesOutput } from '../../domain/deadlines/schema.ts';
import { type CalendarDate, parisDateOf } from '../../domain/shared/calendar-date.ts';
import type { DomainError } from '../../domain/shared/result.ts';

/**
 * A file's deadlines, always from the one deadline engine (issue 3): its stored facts, its organisation's kind
 * and zone, on the Paris calendar day of `now`. `mediator` is the organisation's declared mediator (a mutuelle
 * that adheres to LMA): without it, the mediator of its family is named.
 */
export function deadlinesOf(
  dossier: Pick<DossierRow, 'facts' | 'organisationKind' | 'zone'>,
  now: Date,
  mediator: MediatorChoice = {},
): { ok: true; value: DeadlinesOutput } | { ok: false; error: DomainError } {
  return computeDeadlines({
    context: { organisationType: dossier.organisationKind, zone: dossier.zone, today: parisDateOf(now) },
    facts: dossier.facts ?? {},
    options: {
      mutuelleMediator: mutuelleMediatorOption({ kind: dossier.organisationKind, ...mediator }),
    },
  });
}

/** The organisation's declared mediator, for `deadlinesOf` on the pages that name him. */
export async function mediatorChoiceOf(
  db: Db,
  dossier: Pick<DossierRow, 'organisationId'>,
): Promise<MediatorChoice> {
  const organisation = await organisationOf(db, dossier.organisationId);
  return { mediatorName: organisation?.mediatorName, mediatorContact: organisation?.mediatorContact };
}

export function todayInParis(now: Date): CalendarDate {
  return parisDateOf(now);
}
