import type { DossierStatus } from '../../contracts/dossier-status.ts';
import { type DossierParties, isTransmitted } from '../access/policy.ts';
import type { Actor } from '../access/roles.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';

export interface TransmissibleDossier extends DossierParties {
  status: DossierStatus;
  erased: boolean;
  facts: Record<string, unknown>;
}

export interface Transmission {
  status: DossierStatus;
  /** Facts to merge: the transmission is the written complaint when none was recorded before. */
  factsPatch: Record<string, CalendarDate>;
}

/**
 * « Transmettre à l'organisme » (issue 16): until the member takes this step the file is his private draft, that
 * the organisation's staff do not see (RGPD art. 25, least privilege). Only the member who brought it may take it,
 * once, and only towards an organisation that handles its complaints on Recours.
 * A file sent through Recours is a written complaint received the same day (ACPR 2024-R-02: any written
 * expression of dissatisfaction is a complaint; its clocks run from its sending).
 */
export function decideTransmission(
  actor: Actor,
  dossier: TransmissibleDossier,
  today: CalendarDate,
): Result<Transmission> {
  if (actor.role !== 'member' || actor.id !== dossier.memberId) {
    return fail('forbidden', 'Seul l’adhérent qui a ouvert le dossier peut le transmettre à l’organisme.');
  }
  if (dossier.erased) {
    return fail('erased', 'Les données de ce dossier ont été effacées : il ne peut plus être transmis.');
  }
  if (!dossier.organisationId) {
    return fail(
      'organisation_not_on_recours',
      'Cet organisme ne traite pas ses réclamations sur Recours : envoyez-lui votre réclamation par courrier ou par e-mail (Recours prépare la lettre), puis notez l’envoi dans le dossier.',
    );
  }
  if (isTransmitted(dossier)) {
    return fail('already_transmitted', 'Ce dossier a déjà été transmis à l’organisme.');
  }
  const factsPatch: Record<string, CalendarDate> = {};
  if (typeof dossier.facts.complaintSentOn !== 'string') {
    factsPatch.complaintSentOn = today;
    if (typeof dossier.facts.complaintReceivedOn !== 'string') factsPatch.complaintReceivedOn = today;
  }
  return ok({ status: dossier.status === 'draft' ? 'submitted' : dossier.status, factsPatch });
}
