import { fail, ok, type Result } from '../shared/result.ts';

export interface SatisfactionState {
  status: string;
  satisfactionScore: number | null;
}

/**
 * The member rates the handling of his file once, after it is closed: an opinion given before the outcome is
 * not an opinion on the handling, and a second answer would let one file count twice in the organisation's KPIs.
 */
export function decideSatisfaction(dossier: SatisfactionState): Result<true> {
  if (dossier.status !== 'closed') {
    return fail(
      'not_closed',
      'Le questionnaire de satisfaction s’ouvre quand le dossier est clos : vous pourrez donner votre avis à ce moment-là.',
      'status',
    );
  }
  if (dossier.satisfactionScore !== null) {
    return fail(
      'already_answered',
      'Vous avez déjà donné votre avis sur ce dossier : une seule réponse est possible.',
      'score',
    );
  }
  return ok(true);
}
