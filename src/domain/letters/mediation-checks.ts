import { computeDeadlines } from '../deadlines/engine.ts';
import { MEDIATORS } from '../deadlines/parameters.ts';
import type { Deadline, DeadlinesOutput } from '../deadlines/schema.ts';
import { type EscalationStep, escalationLadder } from '../escalation/ladder.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { formatDate } from './format.ts';
import type { LetterDossier, Mediator } from './schema.ts';

/**
 * The admissibility conditions of a referral to the consumer mediator (C. consom. L612-2), or to the CPAM
 * mediator (CSS L217-7-1), checked on the file before the mediation file is produced. A file that fails one is
 * still producible: the checks say why the mediator would refuse it. Dates come from the deadline engine only.
 */
export type CheckStatus = 'ok' | 'fail' | 'warning';

export interface AdmissibilityCheck {
  id:
    | 'prior_written_complaint'
    | 'answer_or_two_months'
    | 'within_one_year'
    | 'no_court'
    | 'no_other_mediation';
  title: string;
  status: CheckStatus;
  /** Why, with the dates that decide it. */
  detail: string;
  /** The line the referral letter quotes (true whatever the status). */
  letterLine: string;
  source: string;
}

export interface MediationChecks {
  mediator: Mediator;
  admissible: boolean;
  checks: AdmissibilityCheck[];
  /** The escalation ladder's mediator step, for the same explanation as the file's ladder. */
  ladderStep: EscalationStep | undefined;
  /** The referral window of the deadline engine (opens, closes). */
  window: { opensOn: CalendarDate | null; closesOn: CalendarDate | null } | null;
}

/** The mediator a letter names: the organisation's own, or the one of its kind (docs/sources.md §3). */
export function mediatorOf(dossier: LetterDossier): Mediator | null {
  const given = dossier.organisation.mediator;
  if (given === null) return null;
  if (given) return given;
  const fallback = {
    mutuelle: MEDIATORS.fnmf,
    insurer: MEDIATORS.lma,
    institution_prevoyance: MEDIATORS.ctip,
    cpam: MEDIATORS.cpam,
  }[dossier.organisation.kind];
  return { name: fallback.name, postalAddress: [], howToSeize: fallback.howToSeize, source: fallback.source };
}

/** The deadline engine on the file, with optional hypothetical facts ("if this letter is sent today"). */
export function deadlinesFor(
  dossier: LetterDossier,
  extraFacts: Record<string, unknown> = {},
): Result<DeadlinesOutput> {
  return computeDeadlines({
    context: {
      organisationType: dossier.organisation.kind,
      zone: dossier.dossier.zone,
      today: dossier.today,
    },
    facts: { ...dossier.dossier.facts, ...extraFacts },
  });
}

export function findDeadline(output: DeadlinesOutput, id: Deadline['id']): Deadline | undefined {
  return output.deadlines.find((d) => d.id === id);
}

const fr = formatDate;

export function mediationChecks(dossier: LetterDossier): Result<MediationChecks> {
  const mediator = mediatorOf(dossier);
  if (!mediator) {
    return fail(
      'mediator_required',
      'Aucun médiateur n’est indiqué pour cet organisme : renseignez le médiateur compétent (nom et modalités de saisine).',
      'organisation.mediator',
    );
  }
  const deadlines = deadlinesFor(dossier);
  if (!deadlines.ok) return deadlines;
  const facts = dossier.dossier.facts;
  const today = dossier.today;
  const isCpam = dossier.organisation.kind === 'cpam';
  const ladder = escalationLadder({
    deadlines: deadlines.value,
    facts,
    customerServiceContacted: dossier.contacts.length > 0,
  });
  const ladderStep = ladder.find((s) => s.id === 'mediator');
  const window = findDeadline(deadlines.value, 'mediation.referral_window');
  const written = [facts.complaintSentOn, facts.complaintReceivedOn].filter(Boolean).sort()[0];
  const checks: AdmissibilityCheck[] = [];

  checks.push(
    written
      ? {
          id: 'prior_written_complaint',
          title: isCpam ? 'Démarche préalable auprès de la CPAM' : 'Réclamation écrite préalable',
          status: 'ok',
          detail: `Réclamation écrite adressée à ${dossier.organisation.name} le ${fr(written)}.`,
          letterLine: `réclamation écrite préalable adressée à ${dossier.organisation.name} le ${fr(written)}`,
          source: isCpam ? 'CSS art. L217-7-1' : 'C. consom. art. L612-2, 1°',
        }
      : {
          id: 'prior_written_complaint',
          title: isCpam ? 'Démarche préalable auprès de la CPAM' : 'Réclamation écrite préalable',
          status: 'fail',
          detail: isCpam
            ? 'Aucune démarche préalable auprès du service concerné de la CPAM n’est enregistrée : le médiateur de la CPAM la demande.'
            : 'Aucune réclamation écrite n’est enregistrée : le médiateur déclarera la demande irrecevable (L612-2, 1°). Envoyez d’abord une réclamation écrite.',
          letterLine: 'aucune réclamation écrite préalable n’est à ce jour enregistrée',
          source: isCpam ? 'CSS art. L217-7-1' : 'C. consom. art. L612-2, 1°',
        },
  );

  if (!isCpam) {
    const negative =
      facts.answerReceivedOn !== undefined &&
      (facts.answerOutcome === 'rejected' || facts.answerOutcome === 'partial');
    const opensOn = window?.opensOn ?? null;
    let answer: AdmissibilityCheck;
    const base = {
      id: 'answer_or_two_months' as const,
      title: 'Réponse négative, ou 2 mois sans réponse',
      source:
        'C. consom. art. L612-2 ; Recommandation ACPR 2024-R-02 (réponse sous 2 mois) ; règlement du médiateur',
    };
    if (negative) {
      const words = facts.answerOutcome === 'partial' ? 'partiellement défavorable' : 'défavorable';
      answer = {
        ...base,
        status: 'ok',
        detail: `Réponse ${words} reçue le ${fr(facts.answerReceivedOn!)}.`,
        letterLine: `réponse ${words} de l’organisme reçue le ${fr(facts.answerReceivedOn!)}`,
      };
    } else if (opensOn && opensOn <= today) {
      answer = {
        ...base,
        status: 'ok',
        detail: `Plus de 2 mois se sont écoulés depuis la réclamation sans réponse satisfaisante : saisine possible depuis le ${fr(opensOn)}.`,
        letterLine: `absence de réponse satisfaisante dans le délai de deux mois, expiré avant le ${fr(opensOn)}`,
      };
    } else if (opensOn) {
      answer = {
        ...base,
        status: 'fail',
        detail: `Saisine prématurée : sans réponse négative, le médiateur ne peut être saisi qu’à partir du ${fr(opensOn)} (2 mois après la réclamation).`,
        letterLine: `la réclamation est restée sans réponse à ce jour ; le délai de deux mois expire avant le ${fr(opensOn)}`,
      };
    } else {
      answer = {
        ...base,
        status: 'fail',
        detail: 'Sans réclamation écrite datée, le délai de 2 mois ne peut pas courir.',
        letterLine: 'aucune réponse de l’organisme',
      };
    }
    checks.push(answer);

    const closesOn = window?.dueDate ?? null;
    checks.push(
      closesOn && today <= closesOn
        ? {
            id: 'within_one_year',
            title: 'Moins d’un an après la réclamation écrite',
            status: 'ok',
            detail: `Saisine avant le ${fr(closesOn)}, un an après la réclamation écrite.`,
            letterLine: `saisine formée moins d’un an après la réclamation écrite (limite : ${fr(closesOn)})`,
            source: 'C. consom. art. L612-2, 4°',
          }
        : {
            id: 'within_one_year',
            title: 'Moins d’un an après la réclamation écrite',
            status: 'fail',
            detail: closesOn
              ? `Le délai d’un an après la réclamation écrite a expiré le ${fr(closesOn)} : la demande est irrecevable (L612-2, 4°).`
              : 'Sans réclamation écrite datée, le délai d’un an ne peut pas être vérifié.',
            letterLine: closesOn
              ? `la réclamation écrite date de plus d’un an (limite : ${fr(closesOn)})`
              : 'date de réclamation inconnue',
            source: 'C. consom. art. L612-2, 4°',
          },
    );
  }

  checks.push(
    facts.tribunalSeizedOn
      ? {
          id: 'no_court',
          title: 'Aucun tribunal saisi',
          status: 'fail',
          detail: `Un tribunal est saisi depuis le ${fr(facts.tribunalSeizedOn)} : ${isCpam ? 'saisir le tribunal met fin à la médiation de la CPAM' : 'le médiateur ne peut pas examiner un litige porté devant un juge (L612-2, 3°)'}.`,
          letterLine: `un tribunal a été saisi le ${fr(facts.tribunalSeizedOn)}`,
          source: isCpam ? 'CSS art. L217-7-1' : 'C. consom. art. L612-2, 3°',
        }
      : {
          id: 'no_court',
          title: 'Aucun tribunal saisi',
          status: 'ok',
          detail: 'Aucune action en justice n’est enregistrée.',
          letterLine: 'le litige n’a été porté devant aucun tribunal',
          source: isCpam ? 'CSS art. L217-7-1' : 'C. consom. art. L612-2, 3°',
        },
  );

  const earlier = facts.mediationRejectedOn ?? facts.mediationEndedOn;
  checks.push(
    earlier
      ? {
          id: 'no_other_mediation',
          title: 'Litige non déjà examiné par un médiateur',
          status: 'warning',
          detail: `Une médiation a déjà eu lieu (fin ou rejet le ${fr(earlier)}) : un litige déjà examiné ne peut pas l’être de nouveau, sauf si le rejet était temporaire (saisine prématurée, dossier incomplet).`,
          letterLine: `une précédente saisine a pris fin le ${fr(earlier)}`,
          source: 'C. consom. art. L612-2, 3°',
        }
      : {
          id: 'no_other_mediation',
          title: 'Litige non déjà examiné par un médiateur',
          status: 'ok',
          detail: facts.mediatorSeizedOn
            ? `Médiateur déjà saisi le ${fr(facts.mediatorSeizedOn)} : ce dossier accompagne cette saisine.`
            : 'Aucune autre médiation n’est enregistrée.',
          letterLine: 'le litige n’est examiné par aucun autre médiateur',
          source: 'C. consom. art. L612-2, 3°',
        },
  );

  return ok({
    mediator,
    admissible: checks.every((c) => c.status !== 'fail'),
    checks,
    ladderStep,
    window: window ? { opensOn: window.opensOn, closesOn: window.dueDate } : null,
  });
}
