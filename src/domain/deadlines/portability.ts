import { addDays, addMonths, addYears, type CalendarDate } from '../shared/calendar-date.ts';
import { valueOnOrOldest } from '../shared/dated-parameter.ts';
import { formatEuros } from '../shared/money.ts';
import { delayOn, EVIN_PREMIUM_CAPS, PARAMETERS } from './parameters.ts';
import {
  actionStatus,
  deadline,
  earliest,
  finalDate,
  fr,
  milestoneStatus,
  type RuleContext,
  remainingText,
} from './rule-context.ts';
import type { Deadline } from './schema.ts';

/**
 * Length of a contract in whole months, rounded up (CSS L911-8: "arrondie le cas échéant au nombre supérieur").
 * Both ends are days worked: 01/01 → 31/03 is 3 months, 15/01 → 15/03 is 2 months and 1 day, so 3.
 */
export function contractMonthsRoundedUp(start: CalendarDate, end: CalendarDate): number {
  const dayAfter = addDays(end, 1);
  let months = 0;
  while (addMonths(start, months) < dayAfter) months += 1;
  return months;
}

export interface PortabilityEnd {
  endsOn: CalendarDate;
  computation: string;
  months?: number;
}

/** CSS L911-8: cover kept from the day after the contract ends, for its length in whole months, at most 12. */
export function portabilityEnd(ctx: RuleContext): PortabilityEnd | undefined {
  const { facts } = ctx;
  if (facts.portabilityEndOn) {
    return {
      endsOn: facts.portabilityEndOn,
      computation: `Fin de portabilité indiquée : ${fr(facts.portabilityEndOn)}.`,
    };
  }
  const { employmentContractStartOn: start, employmentContractEndOn: end } = facts;
  if (!start || !end) return undefined;
  const cap = delayOn(PARAMETERS.portabilityCap, end).value;
  const length = contractMonthsRoundedUp(start, end);
  const months = Math.min(length, cap);
  const byLength = addMonths(end, months);
  const endsOn = earliest(byLength, facts.unemploymentBenefitEndedOn)!;
  let computation = `Contrat du ${fr(start)} au ${fr(end)} : ${length} mois (arrondi au mois supérieur)${length > cap ? `, plafonné à ${cap}` : ''} ; ${fr(end)} + ${months} mois = ${fr(byLength)} (même quantième).`;
  if (endsOn !== byLength) {
    computation += ` Fin anticipée : indemnisation chômage terminée le ${fr(endsOn)}.`;
  }
  return { endsOn, computation, months };
}

function portabilityDeadline(ctx: RuleContext, end: PortabilityEnd): Deadline {
  const { today, facts } = ctx;
  const status = milestoneStatus(today, end.endsOn);
  return deadline(
    {
      id: 'portability.end',
      kind: 'milestone',
      title: 'Fin de la portabilité de la complémentaire santé',
      party: 'organisation',
      dueDate: end.endsOn,
      status,
      rule: `Votre couverture d'entreprise est maintenue gratuitement ${end.months !== undefined ? `pendant ${end.months} mois ` : ''}après la fin de votre contrat de travail${facts.employmentContractEndOn ? ` du ${fr(facts.employmentContractEndOn)}` : ''}, jusqu'au ${fr(end.endsOn)} au plus tard, tant que vous êtes indemnisé par l'assurance chômage.${status === 'open' ? ` À ce jour, ${remainingText(today, end.endsOn)}.` : ' La portabilité est terminée.'}`,
      source: 'CSS art. L911-8 (ANI du 11/01/2013)',
      action:
        status === 'open'
          ? `Envoyez à l'organisme vos justificatifs d'indemnisation chômage ; avant le ${fr(end.endsOn)}, préparez la suite (loi Evin ou nouveau contrat).`
          : `Si vous n’avez pas d’autre couverture, demandez le maintien loi Evin (${delayOn(PARAMETERS.evinApplication, end.endsOn).words}).`,
      computation: end.computation,
      notes: [
        "Conditions : rupture ouvrant droit à l'assurance chômage, hors faute lourde. La durée se calcule sur le dernier contrat, ou les derniers contrats consécutifs chez le même employeur.",
      ],
      ...(end.months !== undefined ? { details: { portabilityMonths: end.months } } : {}),
    },
    today,
  );
}

export interface PremiumCap {
  year: number;
  from: CalendarDate;
  to: CalendarDate;
  maxPercentOfActive: number;
  maxMonthlyPremiumCents: number | null;
}

/**
 * The premium caps of the maintained cover, year by year from its first day (décret 90-769 art. 1 as amended by
 * décret 2017-372): a percentage of the active employees' premium, and the amount when that premium is known.
 */
export function evinPremiumCaps(
  startsOn: CalendarDate,
  activePremiumCents: number | undefined,
): PremiumCap[] {
  const param = valueOnOrOldest(EVIN_PREMIUM_CAPS, startsOn);
  return param.value.map((percent, index) => ({
    year: index + 1,
    from: addYears(startsOn, index),
    to: addDays(addYears(startsOn, index + 1), -1),
    maxPercentOfActive: percent,
    // Rounded down to the cent: the cap is a ceiling, never exceeded by rounding.
    maxMonthlyPremiumCents:
      activePremiumCents === undefined ? null : Math.floor((activePremiumCents * percent) / 100),
  }));
}

function premiumCapNotes(caps: PremiumCap[]): string[] {
  if (caps[0]?.maxMonthlyPremiumCents === null) return [];
  return [
    `Cotisation mensuelle maximale : ${caps.map((c) => `année ${c.year} (du ${fr(c.from)} au ${fr(c.to)}) ${formatEuros(c.maxMonthlyPremiumCents!)}`).join(' ; ')} (${valueOnOrOldest(EVIN_PREMIUM_CAPS, caps[0]!.from).source}).`,
  ];
}

/** Loi Evin art. 4: the organisation proposes within 2 months; the former employee applies within 6 months. */
function evinDeadlines(ctx: RuleContext, end: PortabilityEnd | undefined): Deadline[] {
  const { today, facts } = ctx;
  const left = facts.leftCompanyOn ?? facts.employmentContractEndOn;
  const from = end?.endsOn ?? left;
  if (!from) return [];
  const fromWords = end
    ? `la fin de la portabilité (${fr(from)})`
    : `votre départ de l'entreprise (${fr(from)})`;
  const proposalParam = delayOn(PARAMETERS.evinProposal, from);
  const applicationParam = delayOn(PARAMETERS.evinApplication, from);
  const proposalDue = addMonths(from, proposalParam.value);
  const proposalStatus = actionStatus({ today, dueDate: proposalDue, doneOn: facts.evinProposalReceivedOn });
  const rawApplication = addMonths(from, applicationParam.value);
  const application = finalDate('evin.application', rawApplication, ctx);
  const applicationStatus = actionStatus({ today, dueDate: application.date, doneOn: facts.evinAppliedOn });
  const caps = evinPremiumCaps(addDays(from, 1), facts.evinActivePremiumCents);
  const note =
    "Bénéficiaires : anciens salariés retraités, en invalidité ou privés d'emploi indemnisés, et ayants droit d'un salarié décédé. Tarif plafonné à 100 %, 125 % puis 150 % du tarif des actifs les 3 premières années (décret 2017-372).";
  return [
    deadline(
      {
        id: 'evin.insurer_proposal',
        kind: 'deadline',
        title: 'Proposition de maintien loi Evin par l’organisme',
        party: 'organisation',
        dueDate: proposalDue,
        status: proposalStatus,
        rule: `L'organisme doit vous proposer le maintien de la couverture dans les ${proposalParam.words} suivant ${fromWords}, soit au plus tard le ${fr(proposalDue)}.${facts.evinProposalReceivedOn ? ` Proposition reçue le ${fr(facts.evinProposalReceivedOn)}.` : ''}`,
        source: proposalParam.source,
        action:
          proposalStatus === 'missed'
            ? `Réclamez la proposition par écrit ; votre délai de ${applicationParam.words} pour demander le maintien court quand même.`
            : 'Surveillez votre courrier.',
        computation: `${fr(from)} + ${proposalParam.words} = ${fr(proposalDue)} (même quantième, CPC art. 641).`,
        notes: [note],
      },
      today,
    ),
    deadline(
      {
        id: 'evin.application',
        kind: 'deadline',
        title: 'Demande de maintien loi Evin',
        party: 'member',
        dueDate: application.date,
        status: applicationStatus,
        rolledOver: application.rolledOver,
        rule: `Vous pouvez demander le maintien de votre couverture (loi Evin) dans les ${applicationParam.words} suivant ${fromWords}, soit au plus tard le ${fr(application.date)}.${facts.evinAppliedOn ? ` Demande envoyée le ${fr(facts.evinAppliedOn)}.` : applicationStatus === 'open' ? ` À ce jour, ${remainingText(today, application.date)}.` : ''}`,
        source: applicationParam.source,
        action:
          applicationStatus === 'open'
            ? `Envoyez votre demande à l'organisme avant le ${fr(application.date)}.`
            : applicationStatus === 'met'
              ? 'Vérifiez le tarif appliqué (plafonds des 3 premières années).'
              : 'Délai dépassé : cherchez une complémentaire individuelle ou la Complémentaire santé solidaire.',
        computation: `${fr(from)} + ${applicationParam.words} = ${fr(rawApplication)} (même quantième, CPC art. 641).${application.explanation}`,
        notes: [note, ...premiumCapNotes(caps)],
        details: { premiumCaps: caps },
      },
      today,
    ),
  ];
}

export function portabilityDeadlines(ctx: RuleContext): Deadline[] {
  if (ctx.organisationType === 'cpam') return [];
  const end = portabilityEnd(ctx);
  const list = end ? [portabilityDeadline(ctx, end)] : [];
  return [...list, ...evinDeadlines(ctx, end)];
}
