import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import { formatFrenchDate } from '../shared/calendar-date.ts';
import { fieldPath } from '../shared/field-path.ts';
import { publicDeep } from '../shared/public-text.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import {
  acknowledgmentDays,
  complaintDeadlines,
  complaintStart,
  legalAcknowledgmentDays,
} from './complaint.ts';
import { cpamDeadlines } from './cpam.ts';
import { holidayCalendar } from './holidays.ts';
import { mediationDeadlines } from './mediation.ts';
import { delayOn, durationWords, PARAMETERS } from './parameters.ts';
import { portabilityDeadlines } from './portability.ts';
import { prescriptionDeadlines } from './prescription.ts';
import type { RuleContext } from './rule-context.ts';
import {
  type Convention,
  DEFAULT_ROLL_OVER,
  type DeadlineId,
  type DeadlinesOutput,
  deadlinesInputSchema,
  type Facts,
  type Options,
  type ParsedDeadlinesInput,
} from './schema.ts';
import { terminationDeadlines } from './termination.ts';

type DateFact = {
  [K in keyof Facts]-?: NonNullable<Facts[K]> extends string ? K : never;
}[keyof Facts];

/** French names of the dated facts, for messages. */
const LABELS: Record<DateFact, string> = {
  complaintSentOn: "l'envoi de la réclamation",
  complaintReceivedOn: 'la réception de la réclamation',
  acknowledgedOn: "l'accusé de réception",
  answerReceivedOn: 'la réponse à la réclamation',
  answerOutcome: 'le sens de la réponse',
  complexCaseNotifiedOn: "l'annonce d'un dossier complexe",
  announcedAnswerDate: 'la date de réponse annoncée',
  mediatorSeizedOn: 'la saisine du médiateur',
  mediationFileCompleteOn: 'la réception du dossier complet par le médiateur',
  mediationRejectedOn: "l'irrecevabilité notifiée par le médiateur",
  mediationNotifiedOn: 'la notification de la saisine (R612-2)',
  mediationExtendedTo: 'la prolongation de la médiation',
  mediationEndedOn: 'la fin de la médiation',
  claimEventOn: "l'événement à l'origine de la demande",
  contributionDueOn: "l'échéance de la cotisation",
  cpamBenefitKind: 'la nature des prestations',
  cpamDecisionNotifiedOn: 'la notification de la décision de la CPAM',
  craSeizedOn: 'la saisine de la CRA',
  craDecisionNotifiedOn: 'la décision de la CRA',
  tribunalSeizedOn: 'la saisine du tribunal',
  cpamMediatorAdmissibleOn: 'la recevabilité de la médiation CPAM',
  cpamMediatorRecommendationsOn: 'les recommandations du médiateur de la CPAM',
  renewalDate: "l'échéance annuelle",
  annualNoticeSentOn: "l'envoi de l'avis d'échéance",
  subscriptionDate: 'la souscription',
  terminationGround: 'le motif de résiliation',
  terminationRequestSentOn: "l'envoi de la demande de résiliation",
  terminationReceivedOn: 'la réception de la demande de résiliation',
  situationChangeOn: 'le changement de situation',
  contributionRefundedOn: 'le remboursement de cotisation',
  contributionPaidUntil: 'la fin de la période de cotisation payée',
  employmentContractStartOn: 'le début du contrat de travail',
  employmentContractEndOn: 'la fin du contrat de travail',
  unemploymentBenefitEndedOn: "la fin de l'indemnisation chômage",
  portabilityEndOn: 'la fin de la portabilité',
  leftCompanyOn: "le départ de l'entreprise",
  evinProposalReceivedOn: 'la proposition loi Evin',
  evinAppliedOn: 'la demande de maintien loi Evin',
};

/** Pairs [later, earlier]: the first cannot precede the second. */
const ORDER: readonly [DateFact, DateFact][] = [
  ['complaintReceivedOn', 'complaintSentOn'],
  ['acknowledgedOn', 'complaintSentOn'],
  ['acknowledgedOn', 'complaintReceivedOn'],
  ['answerReceivedOn', 'complaintSentOn'],
  ['answerReceivedOn', 'complaintReceivedOn'],
  ['complexCaseNotifiedOn', 'complaintSentOn'],
  ['complexCaseNotifiedOn', 'complaintReceivedOn'],
  ['announcedAnswerDate', 'complexCaseNotifiedOn'],
  ['mediationFileCompleteOn', 'mediatorSeizedOn'],
  ['mediationRejectedOn', 'mediatorSeizedOn'],
  ['mediationNotifiedOn', 'mediatorSeizedOn'],
  ['mediationExtendedTo', 'mediationNotifiedOn'],
  ['mediationEndedOn', 'mediatorSeizedOn'],
  ['mediationEndedOn', 'mediationNotifiedOn'],
  ['craSeizedOn', 'cpamDecisionNotifiedOn'],
  ['craDecisionNotifiedOn', 'craSeizedOn'],
  ['tribunalSeizedOn', 'craSeizedOn'],
  ['cpamMediatorRecommendationsOn', 'cpamMediatorAdmissibleOn'],
  ['terminationReceivedOn', 'terminationRequestSentOn'],
  ['renewalDate', 'subscriptionDate'],
  ['employmentContractEndOn', 'employmentContractStartOn'],
  ['portabilityEndOn', 'employmentContractEndOn'],
  ['unemploymentBenefitEndedOn', 'employmentContractEndOn'],
  ['evinAppliedOn', 'employmentContractEndOn'],
];

/** Facts that record something that has happened: they cannot be after `today`. */
const PAST_FACTS: readonly DateFact[] = [
  'complaintSentOn',
  'complaintReceivedOn',
  'acknowledgedOn',
  'answerReceivedOn',
  'complexCaseNotifiedOn',
  'mediatorSeizedOn',
  'mediationFileCompleteOn',
  'mediationRejectedOn',
  'mediationNotifiedOn',
  'mediationEndedOn',
  'claimEventOn',
  'cpamDecisionNotifiedOn',
  'craSeizedOn',
  'craDecisionNotifiedOn',
  'tribunalSeizedOn',
  'cpamMediatorAdmissibleOn',
  'cpamMediatorRecommendationsOn',
  'annualNoticeSentOn',
  'subscriptionDate',
  'terminationRequestSentOn',
  'terminationReceivedOn',
  'situationChangeOn',
  'contributionRefundedOn',
  'evinProposalReceivedOn',
  'evinAppliedOn',
];

function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return path.length ? fieldPath(path) : undefined;
}

/** A French message for the first schema issue, naming the field. */
function schemaError(error: z.ZodError): Result<never> {
  const issue = error.issues[0]!;
  const field = fieldOf(issue.path);
  const where = field ? ` (${field})` : '';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const full = field ? `${field}.${key}` : key;
      return fail(
        'unknown_field',
        `Champ inconnu : ${full}. Vérifiez son orthographe (liste dans docs/deadlines.md).`,
        full,
      );
    }
    case 'invalid_value':
      return fail(
        'unknown_value',
        // The schema's own message says what the value is in French (« Type d'organisme inconnu ») and needs no
        // field name; zod's default one (« Option invalide … ») does not.
        issue.message && !/^Option invalide/.test(issue.message)
          ? issue.message
          : `Valeur inconnue${where} : ${JSON.stringify(issue.input)}. Valeurs possibles : ${issue.values.map(String).join(', ')}.`,
        field,
      );
    case 'invalid_type':
      if (issue.input === undefined)
        return fail('missing_field', `Champ obligatoire manquant${where}.`, field);
      if (!field) {
        return fail(
          'invalid_input',
          'Entrée invalide : un objet JSON { context, facts, options } est attendu.',
        );
      }
      return fail('invalid_type', `Type invalide${where} : ${issue.message}`, field);
    case 'invalid_format':
    case 'custom':
      return fail('invalid_date', field ? `${field} : ${issue.message}` : issue.message, field);
    case 'too_small':
    case 'too_big':
      return fail('out_of_range', `Valeur hors limites${where} : ${JSON.stringify(issue.input)}.`, field);
    default:
      return fail('invalid_input', `Entrée invalide${where} : ${issue.message}`, field);
  }
}

/** Facts that parse but cannot be true together. */
export function checkCoherence(input: ParsedDeadlinesInput): Result<ParsedDeadlinesInput> {
  const { facts, context } = input;
  const fr = formatFrenchDate;
  const date = (key: DateFact) => facts[key] as string | undefined;
  for (const key of PAST_FACTS) {
    const value = date(key);
    if (value && value > context.today) {
      return fail(
        'date_in_future',
        `La date de ${LABELS[key]} (${fr(value)}) est postérieure à la date du jour (${fr(context.today)}) : un fait passé ne peut pas être dans le futur.`,
        `facts.${key}`,
      );
    }
  }
  for (const [later, earlier] of ORDER) {
    const a = date(later);
    const b = date(earlier);
    if (a && b && a < b) {
      return fail(
        'inconsistent_dates',
        `La date de ${LABELS[later]} (${later}, ${fr(a)}) est antérieure à celle de ${LABELS[earlier]} (${earlier}, ${fr(b)}) : vérifiez ces deux dates.`,
        `facts.${later}`,
      );
    }
  }
  if (facts.answerOutcome && !facts.answerReceivedOn) {
    return fail(
      'missing_fact',
      'Le sens de la réponse est indiqué sans sa date : ajoutez answerReceivedOn.',
      'facts.answerReceivedOn',
    );
  }
  if (facts.answerReceivedOn && !facts.answerOutcome) {
    return fail(
      'missing_fact',
      'Indiquez le sens de la réponse (answerOutcome : accepted, partial ou rejected) : il détermine quand le médiateur peut être saisi.',
      'facts.answerOutcome',
    );
  }
  if (facts.announcedAnswerDate && !facts.complexCaseNotifiedOn) {
    return fail(
      'missing_fact',
      "Une date de réponse annoncée suppose l'annonce d'un dossier complexe : ajoutez complexCaseNotifiedOn.",
      'facts.complexCaseNotifiedOn',
    );
  }
  if (facts.cpamMediatorRecommendationsOn && !facts.cpamMediatorAdmissibleOn) {
    return fail(
      'missing_fact',
      'Des recommandations du médiateur de la CPAM supposent une médiation recevable : ajoutez cpamMediatorAdmissibleOn.',
      'facts.cpamMediatorAdmissibleOn',
    );
  }
  if (facts.mediationExtendedTo && !facts.mediationNotifiedOn && !facts.mediationFileCompleteOn) {
    return fail(
      'missing_fact',
      'Une prolongation de médiation suppose une médiation en cours : ajoutez mediationNotifiedOn.',
      'facts.mediationNotifiedOn',
    );
  }
  if (facts.annualNoticeNotSent && facts.annualNoticeSentOn) {
    return fail(
      'inconsistent_facts',
      "L'avis d'échéance ne peut pas être à la fois envoyé et jamais envoyé : retirez l'une des deux indications.",
      'facts.annualNoticeNotSent',
    );
  }
  return ok(input);
}

function futureLetter(input: ParsedDeadlinesInput): Result<never> | undefined {
  const letters = input.facts.interruptionLetters ?? [];
  const index = letters.findIndex((l) => l > input.context.today);
  if (index < 0) return undefined;
  return fail(
    'date_in_future',
    `La lettre recommandée du ${formatFrenchDate(letters[index]!)} est postérieure à la date du jour (${formatFrenchDate(input.context.today)}).`,
    `facts.interruptionLetters[${index}]`,
  );
}

/** Options resolved: an option left out takes its default, from the parameter table when the law sets it. */
type ResolvedOptions = Options & { acknowledgmentDays: number };

const DEFAULTS: Omit<ResolvedOptions, 'acknowledgmentDays'> = {
  acknowledgmentDayKind: 'ouvrables',
  complaintCountFrom: 'sending',
  mediationOutcomeFrom: 'notification',
  mutuelleMediator: 'fnmf',
  prescriptionSuspensionFrom: 'seizure',
  cpamBenefitsInKindPrescription: 'l332_1',
  goodFridayInAlsace: true,
  rollOverDeadlines: [...DEFAULT_ROLL_OVER],
};

/** The deadlines as the explanation names them to users (never their ids, which are for developers). */
const ROLL_OVER_NAMES: Record<DeadlineId, string> = {
  'complaint.acknowledgment': "l'accusé de réception de la réclamation",
  'complaint.answer': 'la réponse à la réclamation',
  'mediation.referral_window': 'la saisine du médiateur',
  'mediation.inadmissibility_notice': "l'avis d'irrecevabilité du médiateur",
  'mediation.outcome': "l'issue de la médiation",
  'prescription.benefits': 'la prescription des prestations',
  'prescription.contributions': 'la prescription des cotisations',
  'prescription.cpam_benefits': 'la prescription des prestations de la CPAM',
  'cpam.cra_referral': 'la saisine de la commission de recours amiable',
  'cpam.cra_decision': 'la décision de la commission de recours amiable',
  'cpam.tribunal_referral': 'la saisine du pôle social du tribunal judiciaire',
  'termination.annual': "la résiliation à l'échéance",
  'termination.anytime': 'la résiliation à tout moment',
  'termination.situation_change': 'la résiliation pour changement de situation',
  'termination.effective': "la prise d'effet de la résiliation",
  'termination.refund': 'le remboursement des cotisations',
  'portability.end': 'la fin de la portabilité',
  'evin.insurer_proposal': "la proposition de l'organisme (loi Évin)",
  'evin.application': 'la demande de maintien (loi Évin)',
};

function explain(ctx: RuleContext): Convention[] {
  // The acknowledgment period comes from the parameter in force on the complaint's date, as in the rule itself.
  const start = complaintStart(ctx);
  const ackDefault = legalAcknowledgmentDays(ctx, start);
  const options: ResolvedOptions = { ...ctx.options, acknowledgmentDays: acknowledgmentDays(ctx, start) };
  const defaults: ResolvedOptions = { ...DEFAULTS, acknowledgmentDays: ackDefault };
  const ackUnit = PARAMETERS.complaintAcknowledgment.unit;
  const outcomeWords = delayOn(PARAMETERS.mediationOutcome, ctx.facts.mediatorSeizedOn ?? ctx.today).words;
  const ack =
    options.acknowledgmentDayKind === 'ouvrables'
      ? 'jours ouvrables : tous les jours sauf le dimanche et les jours fériés (sens retenu par la référence)'
      : 'jours ouvrés : du lundi au vendredi hors jours fériés (lecture de la page anglaise de l’ACPR, « business days »)';
  const explanations: Record<keyof Options, string> = {
    acknowledgmentDays: `Accusé de réception attendu sous ${options.acknowledgmentDays} jours ${options.acknowledgmentDayKind === 'ouvrables' ? 'ouvrables' : 'ouvrés'} (ACPR 2024-R-02 : ${durationWords(ackDefault, ackUnit)}).`,
    acknowledgmentDayKind: `Jours comptés pour l'accusé de réception : ${ack}.`,
    complaintCountFrom:
      options.complaintCountFrom === 'sending'
        ? "⚠ Délais de réclamation comptés depuis l'envoi de la réclamation écrite (page actuelle de l'ACPR)."
        : '⚠ Délais de réclamation comptés depuis sa réception (anciennes recommandations et ancienne page ACPR).',
    mediationOutcomeFrom:
      options.mediationOutcomeFrom === 'notification'
        ? `${outcomeWords} comptés depuis la notification de la saisine aux parties (texte de R612-5).`
        : `⚠ ${outcomeWords} comptés depuis la réception du dossier complet (pratique de certains médiateurs, contraire à la lettre de R612-5).`,
    mutuelleMediator:
      options.mutuelleMediator === 'fnmf'
        ? 'Médiateur d’une mutuelle : Médiateur de la Mutualité Française (certaines mutuelles adhèrent à LMA).'
        : "Médiateur d'une mutuelle : La Médiation de l'Assurance (la mutuelle y adhère).",
    prescriptionSuspensionFrom:
      options.prescriptionSuspensionFrom === 'seizure'
        ? 'Prescription suspendue dès la saisine du médiateur (Cass. com. 11/05/2022, n° 20-23.298 : la saisine vaut accord écrit).'
        : '⚠ Prescription suspendue à partir de la notification R612-2 seulement (lecture stricte de C. civ. 2238).',
    cpamBenefitsInKindPrescription:
      options.cpamBenefitsInKindPrescription === 'l332_1'
        ? `❌ Prestations en nature CPAM : on applique L332-1 (${delayOn(PARAMETERS.prescriptionCpam, ctx.facts.claimEventOn ?? ctx.today).words} depuis le trimestre suivant), base post-2016 non confirmée.`
        : '❌ Prestations en nature CPAM : base légale signalée comme incertaine, pas de date ferme.',
    goodFridayInAlsace: options.goodFridayInAlsace
      ? "⚠ Vendredi saint compté comme férié en Alsace-Moselle (il ne l'est légalement que dans les communes ayant un temple protestant ou une église mixte)."
      : 'Vendredi saint non compté comme férié en Alsace-Moselle.',
    rollOverDeadlines: options.rollOverDeadlines.length
      ? `Report au jour ouvrable suivant (CPC art. 642) appliqué à : ${options.rollOverDeadlines.map((id) => ROLL_OVER_NAMES[id]).join(', ')}. Les autres délais ne sont pas reportés (délais non procéduraux : lecture prudente).`
      : 'Aucun report au jour ouvrable suivant (CPC art. 642) : lecture la plus prudente.',
  };
  return (Object.keys(explanations) as (keyof Options)[]).map((option) => {
    const value = options[option];
    const fallback = defaults[option];
    const isDefault = Array.isArray(value)
      ? JSON.stringify([...value].sort()) === JSON.stringify([...(fallback as string[])].sort())
      : value === fallback;
    return { option, value, isDefault, explanation: explanations[option] };
  });
}

/**
 * A key that tells apart every input the engine could read differently, or null for an input that is not plain
 * data (a Date, a class instance, a function): such an input is computed without the memo.
 */
function inputKey(value: unknown): string | null {
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return `#${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'object': {
      const parts: string[] = [];
      if (Array.isArray(value)) {
        for (const item of value) {
          const key = inputKey(item);
          if (key === null) return null;
          parts.push(key);
        }
        return `[${parts.join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return null;
      for (const [k, v] of Object.entries(value)) {
        const key = inputKey(v);
        if (key === null) return null;
        parts.push(`${JSON.stringify(k)}:${key}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return null;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The engine is pure and its inputs repeat (the files created on one day share a handful of organisation kinds
 * and complaint dates): each result is kept, frozen, for the next identical input. A creation ran the engine
 * three times, a third of its CPU (issue 12, docs/performance.md).
 */
const RESULTS = new LRUCache<string, Result<DeadlinesOutput>>({ max: 2_000 });

/**
 * Every deadline that applies to a dispute file, with its status on `context.today`. Pure: no clock, no I/O.
 * Never throws on bad input: returns `{ ok: false, error: { code, field, message } }` with a French message.
 * The result is frozen (it may be shared with the next caller of the same input).
 */
export function computeDeadlines(input: unknown): Result<DeadlinesOutput> {
  const key = inputKey(input);
  if (key === null) return deepFreeze(computeOnce(input));
  let result = RESULTS.get(key);
  if (result === undefined) {
    result = deepFreeze(computeOnce(input));
    RESULTS.set(key, result);
  }
  return result;
}

function computeOnce(input: unknown): Result<DeadlinesOutput> {
  const parsed = deadlinesInputSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return schemaError(parsed.error);
  const letterError = futureLetter(parsed.data);
  if (letterError) return letterError;
  const coherent = checkCoherence(parsed.data);
  if (!coherent.ok) return coherent;
  const { context, facts, options } = parsed.data;
  const ctx: RuleContext = {
    today: context.today,
    organisationType: context.organisationType,
    facts,
    options,
    calendar: holidayCalendar({ zone: context.zone, goodFridayInAlsace: options.goodFridayInAlsace }),
  };
  const deadlines = [
    ...complaintDeadlines(ctx),
    ...mediationDeadlines(ctx),
    ...cpamDeadlines(ctx),
    ...prescriptionDeadlines(ctx),
    ...terminationDeadlines(ctx),
    ...portabilityDeadlines(ctx),
  ];
  // Sources and texts go to members and handlers as is: no internal notes or option names (public-text.ts).
  return ok(
    publicDeep({
      today: context.today,
      organisationType: context.organisationType,
      zone: context.zone,
      deadlines,
      conventions: explain(ctx),
    }),
  );
}
