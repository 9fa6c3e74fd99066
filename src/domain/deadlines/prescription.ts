import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  daysBetween,
  fromParts,
  parts,
} from '../shared/calendar-date.ts';
import { type DeadlineParameter, type Delay, delayOn, PARAMETERS } from './parameters.ts';
import {
  actionStatus,
  deadline,
  finalDate,
  fr,
  latest,
  type RuleContext,
  remainingText,
} from './rule-context.ts';
import type { Deadline } from './schema.ts';

const BENEFIT_PARAMETERS: Record<'mutuelle' | 'insurer' | 'institution_prevoyance', DeadlineParameter> = {
  mutuelle: PARAMETERS.prescriptionMutuelle,
  insurer: PARAMETERS.prescriptionInsurer,
  institution_prevoyance: PARAMETERS.prescriptionInstitution,
};

/** Notes on each code's prescription, given the delay in force (« 2 ans »). */
const BENEFIT_NOTES: Record<'mutuelle' | 'insurer' | 'institution_prevoyance', (delay: Delay) => string[]> = {
  mutuelle: () => [
    "Le point de départ est reporté en cas de réticence ou de fausse déclaration, ou si vous prouvez avoir ignoré la survenance du risque (L221-11). Délai de 5 ans pour l'incapacité en opération collective, 10 ans si le bénéficiaire n'est pas l'adhérent.",
    "❌ Texte primaire de L221-12 non relu ; l'envoi recommandé électronique comme cause d'interruption n'est pas vérifié.",
  ],
  insurer: (delay) => [
    `Le contrat doit rappeler ces règles de prescription, faute de quoi le délai de ${delay.words} ne vous est pas opposable (Cass. 2e civ., 18/04/2013).`,
  ],
  institution_prevoyance: () => [
    '❌ Article applicable aux institutions de prévoyance (CSS L932-13) non relu : à vérifier.',
  ],
};

export interface PrescriptionRun {
  /** Last day of the period, or null while a mediation suspends it. */
  dueDate: CalendarDate | null;
  steps: string[];
  notes: string[];
  suspendedSince?: CalendarDate;
  remainingDays?: number;
}

/**
 * Two-year prescription with interruptions (a new period of the same length from each registered letter sent while
 * the period runs: L221-12, L114-2, C. civ. 2231) and a suspension by mediation (C. civ. 2238: stops on referral and
 * runs again, for at least 6 months, when the mediation ends).
 */
export function runPrescription(args: {
  start: CalendarDate;
  years: number;
  letters: readonly CalendarDate[];
  suspensionStart?: CalendarDate | undefined;
  suspensionEnd?: CalendarDate | undefined;
}): PrescriptionRun {
  const { start, years, suspensionStart, suspensionEnd } = args;
  const letters = [...new Set(args.letters)].sort();
  let end = addYears(start, years);
  const steps = [`${fr(start)} + ${years} ans = ${fr(end)} (même quantième, CPC art. 641)`];
  const notes: string[] = [];

  const interrupt = (letter: CalendarDate) => {
    if (letter < start) {
      notes.push(`Lettre du ${fr(letter)} antérieure à l'événement : sans effet.`);
    } else if (letter > end) {
      notes.push(`Lettre du ${fr(letter)} envoyée après l'expiration du délai (${fr(end)}) : sans effet.`);
    } else {
      const next = addYears(letter, years);
      if (next > end) end = next;
      steps.push(
        `lettre recommandée AR du ${fr(letter)} : nouveau délai de ${years} ans jusqu'au ${fr(end)}`,
      );
    }
  };

  const before = suspensionStart ? letters.filter((l) => l < suspensionStart) : letters;
  for (const letter of before) interrupt(letter);
  if (!suspensionStart) return { dueDate: end, steps, notes };

  if (suspensionStart > end) {
    notes.push(
      `Médiation commencée le ${fr(suspensionStart)}, après l'expiration du délai : pas de suspension.`,
    );
    for (const letter of letters.filter((l) => l >= suspensionStart)) interrupt(letter);
    return { dueDate: end, steps, notes };
  }
  const remainingDays = daysBetween(suspensionStart, end);
  if (!suspensionEnd) {
    const during = letters.filter((l) => l >= suspensionStart);
    if (during.length)
      notes.push('Lettres envoyées pendant la médiation : elles seront prises en compte à sa fin.');
    steps.push(
      `suspension depuis le ${fr(suspensionStart)} (médiation, C. civ. art. 2238) : il restait ${remainingDays} jours`,
    );
    return { dueDate: null, steps, notes, suspendedSince: suspensionStart, remainingDays };
  }
  const resumed = addDays(suspensionEnd, remainingDays);
  const minimumDelay = delayOn(PARAMETERS.mediationSuspensionMinimum, suspensionEnd);
  const minimum = addMonths(suspensionEnd, minimumDelay.value);
  // Strings compare as dates here (YYYY-MM-DD); the later of the two ends wins.
  end = latest(resumed, minimum)!;
  steps.push(
    `suspension du ${fr(suspensionStart)} au ${fr(suspensionEnd)} (médiation, C. civ. art. 2238) : reste ${remainingDays} jours à compter de la fin, soit le ${fr(resumed)}, et au moins ${minimumDelay.words}, soit le ${fr(minimum)} : ${fr(end)} retenu`,
  );
  for (const letter of letters.filter((l) => l >= suspensionStart)) interrupt(letter);
  return { dueDate: end, steps, notes };
}

function mediationSuspension(ctx: RuleContext): { start?: CalendarDate; end?: CalendarDate; note?: string } {
  const { facts, options } = ctx;
  if (options.prescriptionSuspensionFrom === 'notification') {
    if (!facts.mediationNotifiedOn && facts.mediatorSeizedOn) {
      return {
        end: facts.mediationEndedOn,
        note: 'Option « notification » : la médiation ne suspend la prescription qu’à partir de la notification R612-2, pas encore reçue.',
      };
    }
    return { start: facts.mediationNotifiedOn, end: facts.mediationEndedOn };
  }
  return { start: facts.mediatorSeizedOn, end: facts.mediationEndedOn };
}

/** Prescription biennale of the member's action for benefits (mutuelle, insurer, institution de prévoyance). */
export function benefitsPrescription(ctx: RuleContext): Deadline | undefined {
  const { today, facts, organisationType } = ctx;
  if (organisationType === 'cpam' || !facts.claimEventOn) return undefined;
  const param = delayOn(BENEFIT_PARAMETERS[organisationType], facts.claimEventOn);
  const suspension = mediationSuspension(ctx);
  const run = runPrescription({
    start: facts.claimEventOn,
    years: param.value,
    letters: facts.interruptionLetters ?? [],
    suspensionStart: suspension.start,
    suspensionEnd: suspension.end,
  });
  const notes = [...run.notes, ...BENEFIT_NOTES[organisationType](param)];
  if (suspension.note) notes.push(suspension.note);
  const base = {
    id: 'prescription.benefits' as const,
    kind: 'deadline' as const,
    title: `Prescription de votre action contre l’organisme (${param.words})`,
    party: 'member' as const,
    source: `${param.source} ; C. civ. art. 2231 et 2238 ; Cass. com. 11/05/2022, n° 20-23.298`,
  };
  const computation = `${run.steps.join(' ; ')}.`;
  if (run.dueDate === null) {
    return deadline(
      {
        ...base,
        dueDate: null,
        status: 'suspended',
        rule: `Votre action se prescrit par ${param.words} à compter du ${fr(facts.claimEventOn)}. Ce délai est suspendu depuis le ${fr(run.suspendedSince!)} par la médiation ; à sa fin, il restera ${run.remainingDays} jours, et au moins ${delayOn(PARAMETERS.mediationSuspensionMinimum, run.suspendedSince!).words}.`,
        action: 'Notez la date de fin de la médiation : le délai repart ce jour-là.',
        computation,
        notes,
      },
      today,
    );
  }
  const final = finalDate('prescription.benefits', run.dueDate, ctx);
  const dueDate = final.date;
  const status = actionStatus({ today, dueDate });
  let rule = `Votre action en justice contre l'organisme se prescrit par ${param.words} à compter de l'événement du ${fr(facts.claimEventOn)} : dernier jour le ${fr(dueDate)}.`;
  rule += status === 'missed' ? ' Le délai est expiré.' : ` À ce jour, ${remainingText(today, dueDate)}.`;
  return deadline(
    {
      ...base,
      dueDate,
      status,
      rolledOver: final.rolledOver,
      rule,
      action:
        status === 'missed'
          ? "L'action est prescrite, sauf cause de report ou d'interruption non connue ici : faites vérifier par un juriste."
          : `Avant le ${fr(dueDate)}, saisissez le tribunal ou envoyez une lettre recommandée avec AR réclamant la prestation : elle fait courir un nouveau délai de ${param.words}.`,
      computation: `${computation}${final.explanation}`,
      notes,
    },
    today,
  );
}

/** The organisation's action for a contribution prescribes 2 years after each due date (Cass. 2e civ., 9/06/2016). */
export function contributionsPrescription(ctx: RuleContext): Deadline | undefined {
  const { today, facts, organisationType } = ctx;
  if (organisationType === 'cpam' || !facts.contributionDueOn) return undefined;
  const param = delayOn(BENEFIT_PARAMETERS[organisationType], facts.contributionDueOn);
  const raw = addYears(facts.contributionDueOn, param.value);
  const final = finalDate('prescription.contributions', raw, ctx);
  const status = actionStatus({ today, dueDate: final.date });
  return deadline(
    {
      id: 'prescription.contributions',
      kind: 'deadline',
      title: 'Prescription de la cotisation échue',
      party: 'organisation',
      dueDate: final.date,
      status,
      rolledOver: final.rolledOver,
      rule: `L'organisme peut réclamer la cotisation échue le ${fr(facts.contributionDueOn)} jusqu'au ${fr(final.date)} ; le délai court séparément pour chaque échéance.${status === 'missed' ? ' Il ne peut plus la réclamer, sauf interruption (lettre recommandée AR de sa part).' : ''}`,
      source: `${param.source} ; Cass. 2e civ., 9 juin 2016, n° 15-16.351`,
      action:
        status === 'missed'
          ? 'Si cette cotisation vous est encore réclamée, opposez la prescription biennale par écrit.'
          : 'Vérifiez si l’organisme vous a adressé une lettre recommandée AR pour cette cotisation (interruption).',
      computation: `${fr(facts.contributionDueOn)} + ${param.words} = ${fr(raw)} (même quantième, CPC art. 641).${final.explanation}`,
      notes: [
        'Une lettre recommandée AR de l’organisme interrompt ce délai ; elle n’est pas prise en compte ici.',
      ],
    },
    today,
  );
}

/** First day of the quarter after the one `date` falls in. */
export function nextQuarterStart(date: CalendarDate): CalendarDate {
  const { year, month } = parts(date);
  const nextMonth = Math.floor((month - 1) / 3) * 3 + 4;
  return nextMonth > 12 ? fromParts(year + 1, 1, 1) : fromParts(year, nextMonth, 1);
}

/** CSS L332-1: the assuré's action prescribes 2 years from the first day of the following quarter. */
export function cpamBenefitsPrescription(ctx: RuleContext): Deadline | undefined {
  const { today, facts, options } = ctx;
  if (ctx.organisationType !== 'cpam' || !facts.claimEventOn) return undefined;
  const param = delayOn(PARAMETERS.prescriptionCpam, facts.claimEventOn);
  const start = nextQuarterStart(facts.claimEventOn);
  // "À compter du premier jour du trimestre" makes that day the first day of the period: the safe reading ends
  // the period the day before the same date 2 years later (01/04/2026 → 31/03/2028).
  const raw = addDays(addYears(start, param.value), -1);
  const notes = [
    'La médiation de la CPAM ne suspend pas la prescription (seulement les délais de recours).',
    `Lecture prudente : le 1er jour du trimestre compte dans le délai, qui s'achève la veille du même quantième ${param.words} plus tard.`,
  ];
  if (facts.interruptionLetters?.length) {
    notes.push('Les lettres recommandées ne sont pas prises en compte pour la prescription CPAM (L332-1).');
  }
  const inKind = facts.cpamBenefitKind !== 'especes';
  if (inKind) {
    notes.push(
      "❌ La base légale de la prescription des prestations en nature (remboursement de soins) depuis 2016 n'est pas confirmée ; les sites grand public appliquent L332-1.",
    );
  }
  const base = {
    id: 'prescription.cpam_benefits' as const,
    kind: 'deadline' as const,
    title: "Prescription de votre demande de prestations à l'Assurance maladie",
    party: 'member' as const,
    source: param.source,
  };
  const computation = `Prestations du ${fr(facts.claimEventOn)} : trimestre suivant à partir du ${fr(start)} ; + ${param.words}, veille du même quantième = ${fr(raw)}.`;
  if (inKind && options.cpamBenefitsInKindPrescription === 'unsettled') {
    return deadline(
      {
        ...base,
        dueDate: null,
        status: 'not_applicable_yet',
        rule: `Base légale non confirmée pour les prestations en nature. Par prudence, agissez avant le ${fr(raw)} (${param.words} à compter du 1er jour du trimestre suivant, comme L332-1).`,
        action: `Demandez le remboursement avant le ${fr(raw)}.`,
        computation,
        notes,
      },
      today,
    );
  }
  const final = finalDate('prescription.cpam_benefits', raw, ctx);
  const status = actionStatus({ today, dueDate: final.date });
  return deadline(
    {
      ...base,
      dueDate: final.date,
      status,
      rolledOver: final.rolledOver,
      rule: `Votre demande de prestations se prescrit par ${param.words} à compter du 1er jour du trimestre qui suit celui des prestations (${fr(start)}) : dernier jour le ${fr(final.date)}.${status === 'missed' ? ' Le délai est expiré.' : ` À ce jour, ${remainingText(today, final.date)}.`}`,
      action:
        status === 'missed'
          ? 'La demande est prescrite, sauf cause de suspension non connue ici.'
          : `Envoyez votre demande (feuille de soins, réclamation) avant le ${fr(final.date)}.`,
      computation: `${computation}${final.explanation}`,
      notes,
    },
    today,
  );
}

export function prescriptionDeadlines(ctx: RuleContext): Deadline[] {
  return [benefitsPrescription(ctx), contributionsPrescription(ctx), cpamBenefitsPrescription(ctx)].filter(
    (d): d is Deadline => d !== undefined,
  );
}
