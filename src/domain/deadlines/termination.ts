import { addDays, addMonths, addYears, type CalendarDate, daysBetween } from '../shared/calendar-date.ts';
import { delayOn, PARAMETERS } from './parameters.ts';
import {
  actionStatus,
  deadline,
  finalDate,
  fr,
  latest,
  milestoneStatus,
  type RuleContext,
  remainingText,
} from './rule-context.ts';
import type { Deadline } from './schema.ts';

type ContractOrganisation = 'mutuelle' | 'insurer' | 'institution_prevoyance';

const ARTICLES: Record<
  ContractOrganisation,
  { annual: string; chatel: string; anytime: string; situation: string }
> = {
  mutuelle: {
    annual: 'C. mutualité art. L221-10',
    chatel: 'C. mutualité art. L221-10-1',
    anytime: 'C. mutualité art. L221-10-2',
    situation: 'C. mutualité art. L221-17',
  },
  insurer: {
    annual: 'C. assur. art. L113-12',
    chatel: 'C. assur. art. L113-15-1',
    anytime: 'C. assur. art. L113-15-2',
    situation: 'C. assur. art. L113-16',
  },
  // ❌ Not in the reference: the CSS articles for institutions de prévoyance are to be checked.
  institution_prevoyance: {
    annual: 'CSS art. L932-12 (à vérifier)',
    chatel: 'CSS art. L932-12-1 (à vérifier)',
    anytime: 'CSS art. L932-12-2 (à vérifier)',
    situation: 'CSS, article équivalent à L221-17 C. mutualité (à vérifier)',
  },
};

const COLLECTIVE_NOTE = "Pour un contrat collectif obligatoire d'entreprise, seul l'employeur peut résilier.";

type Route = 'annual' | 'anytime' | 'situation_change';

interface AnnualRoute {
  deadline: Deadline;
  /** When the member's request (if any) fits this route, the date the termination takes effect. */
  effectiveOn?: CalendarDate;
  effectiveWhy?: string;
  chatel: boolean;
}

/** Annual termination (L221-10 / L113-12) with the Chatel rule (L221-10-1 / L113-15-1). */
export function annualTermination(ctx: RuleContext, org: ContractOrganisation): AnnualRoute | undefined {
  const { today, facts } = ctx;
  const renewal = facts.renewalDate;
  if (!renewal) return undefined;
  const articles = ARTICLES[org];
  const param = delayOn(PARAMETERS.annualTermination, renewal);
  const thresholdDelay = delayOn(PARAMETERS.chatelLateNoticeThreshold, renewal);
  const threshold = thresholdDelay.value;
  const windowDelay = delayOn(PARAMETERS.chatelWindow, renewal);
  const windowDays = windowDelay.value;
  const refundWords = delayOn(PARAMETERS.terminationRefund, renewal).words;
  const ordinary = addMonths(renewal, -param.value);
  const sent = facts.terminationRequestSentOn;
  const notes = [COLLECTIVE_NOTE];
  const base = {
    id: 'termination.annual' as const,
    title: "Résiliation à l'échéance annuelle",
    party: 'member' as const,
  };
  const ordinaryWords = `au moins ${param.words} avant l'échéance du ${fr(renewal)}, soit au plus tard le ${fr(ordinary)}`;

  if (facts.annualNoticeNotSent) {
    const inTime = sent !== undefined && sent <= ordinary;
    const status = sent ? 'met' : 'open';
    const effectiveOn = sent ? (inTime ? renewal : latest(addDays(sent, 1), renewal)!) : undefined;
    return {
      chatel: !inTime,
      effectiveOn,
      effectiveWhy: inTime
        ? `demande envoyée avant le ${fr(ordinary)} : effet à l'échéance`
        : "avis d'échéance jamais envoyé : effet le lendemain de l'envoi, et pas avant l'échéance",
      deadline: deadline(
        {
          ...base,
          kind: 'window',
          opensOn: null,
          dueDate: null,
          status,
          rule: `L'avis d'échéance ne vous a pas été envoyé : vous pouvez résilier à tout moment à compter de l'échéance du ${fr(renewal)} ; la résiliation prend effet le lendemain de l'envoi (cachet de la poste ou horodatage).${sent ? ` Demande envoyée le ${fr(sent)}.` : ''}`,
          source: `${articles.annual} ; ${articles.chatel}`,
          action: sent
            ? `Vérifiez la confirmation de résiliation et le remboursement de la cotisation non courue (${refundWords}).`
            : 'Envoyez votre résiliation par lettre recommandée ou tout support durable, en citant la loi Chatel.',
          computation: `Sans avis d'échéance : pas de date limite (loi Chatel). Délai ordinaire pour mémoire : ${fr(renewal)} − ${param.words} = ${fr(ordinary)}.`,
          notes,
          // Never sent: the notice is "late" in the Chatel sense, with no date limit at all.
          details: {
            annualNotice: {
              ordinaryNoticeBy: ordinary,
              chatelNoticeBy: null,
              noticeSentOn: null,
              noticeLate: true,
            },
          },
        },
        today,
      ),
    };
  }

  const notice = facts.annualNoticeSentOn;
  const late = notice !== undefined && daysBetween(notice, ordinary) < threshold;
  const raw = late ? addDays(notice!, windowDays) : ordinary;
  const final = finalDate('termination.annual', raw, ctx);
  const dueDate = late ? latest(final.date, ordinary)! : final.date;
  const status = actionStatus({ today, dueDate, doneOn: sent });
  if (!notice) {
    notes.push(
      `Si l'avis d'échéance vous a été envoyé moins de ${thresholdDelay.words} avant le ${fr(ordinary)}, ou jamais, indiquez-le : la loi Chatel vous donne plus de temps.`,
    );
  }
  let rule = late
    ? `L'avis d'échéance a été envoyé le ${fr(notice!)}, moins de ${thresholdDelay.words} avant la date limite du ${fr(ordinary)} ou après : vous disposez de ${windowDelay.words} à compter de son envoi, soit jusqu'au ${fr(dueDate)}, pour résilier à l'échéance du ${fr(renewal)}.`
    : `Pour résilier à l'échéance, envoyez votre demande ${ordinaryWords} (lettre recommandée, envoi recommandé électronique ou autre support durable).`;
  if (sent)
    rule += ` Demande envoyée le ${fr(sent)}${status === 'met' ? ' : dans le délai.' : ', après la date limite.'}`;
  else if (status === 'open') rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
  if (status === 'missed' && !sent) {
    rule += ` La date limite est passée : le contrat est reconduit.`;
  }
  const effectiveOn = status === 'met' ? latest(renewal, late ? addDays(sent!, 1) : undefined) : undefined;
  if (late) {
    notes.push(
      "⚠ Date d'effet dans le cas de l'avis tardif non précisée par la référence : l'échéance, ou le lendemain de l'envoi si l'échéance est passée.",
    );
  }
  return {
    chatel: late,
    effectiveOn,
    effectiveWhy: late ? "loi Chatel (avis tardif) : effet à l'échéance" : "effet à l'échéance annuelle",
    deadline: deadline(
      {
        ...base,
        kind: 'deadline',
        dueDate,
        status,
        rolledOver: final.rolledOver,
        rule,
        source: late ? `${articles.chatel}` : `${articles.annual} (rappel dans l'avis : ${articles.chatel})`,
        action:
          status === 'open'
            ? `Envoyez votre résiliation avant le ${fr(dueDate)} ; sinon, après un an de contrat, la résiliation à tout moment reste possible.`
            : status === 'missed'
              ? 'Si votre contrat a plus d’un an, utilisez la résiliation à tout moment (effet un mois après réception).'
              : 'Vérifiez la confirmation écrite de la résiliation.',
        computation: late
          ? `Avis envoyé le ${fr(notice!)}, ${daysBetween(notice!, ordinary)} jours avant la date limite ordinaire du ${fr(ordinary)} (moins de ${threshold}) : ${fr(notice!)} + ${windowDelay.words} = ${fr(raw)}.${final.explanation}`
          : `${fr(renewal)} − ${param.words} = ${fr(ordinary)} (même quantième, CPC art. 641).${final.explanation}`,
        notes,
        details: {
          annualNotice: {
            ordinaryNoticeBy: ordinary,
            chatelNoticeBy: late ? dueDate : null,
            noticeSentOn: notice ?? null,
            noticeLate: notice === undefined ? null : late,
          },
        },
      },
      today,
    ),
  };
}

/** Termination at any time after one year of subscription (L221-10-2 / L113-15-2, since 01/12/2020). */
export function anytimeTermination(ctx: RuleContext, org: ContractOrganisation): Deadline | undefined {
  const { today, facts } = ctx;
  if (!facts.subscriptionDate) return undefined;
  const after = delayOn(PARAMETERS.anytimeTerminationAfter, today);
  const anniversary = addYears(facts.subscriptionDate, after.value);
  const opensOn = latest(anniversary, after.from ?? undefined)!;
  const doneOn = facts.terminationReceivedOn ?? facts.terminationRequestSentOn;
  const status = actionStatus({ today, dueDate: null, opensOn, doneOn });
  const notes = [COLLECTIVE_NOTE];
  if (doneOn && doneOn < opensOn) {
    notes.push(
      `Demande du ${fr(doneOn)} antérieure au ${fr(opensOn)} : elle ne peut pas valoir résiliation à tout moment.`,
    );
  }
  let rule = `Après un an de contrat (souscrit le ${fr(facts.subscriptionDate)}), vous pouvez résilier à tout moment, sans frais ni pénalité, à partir du ${fr(opensOn)} ; la résiliation prend effet un mois après sa réception par l'organisme.`;
  if (status === 'met') rule += ` Demande reçue ou envoyée le ${fr(doneOn!)}.`;
  return deadline(
    {
      id: 'termination.anytime',
      kind: 'window',
      title: 'Résiliation à tout moment après un an',
      party: 'member',
      opensOn,
      dueDate: null,
      status,
      rule,
      source: `${ARTICLES[org].anytime} (loi 2019-733, en vigueur le 01/12/2020)`,
      action:
        status === 'not_applicable_yet'
          ? `Attendez le ${fr(opensOn)}, ou utilisez l'échéance annuelle ou un changement de situation.`
          : status === 'met'
            ? `Demandez la confirmation écrite de réception ; l'organisme doit rembourser la cotisation non courue dans les ${delayOn(PARAMETERS.terminationRefund, doneOn!).words}.`
            : 'Envoyez votre demande par lettre, support durable ou par votre nouvel organisme (qui s’en charge pour vous).',
      computation: `${fr(facts.subscriptionDate)} + ${after.words} = ${fr(anniversary)}${anniversary < opensOn ? ` ; règle en vigueur depuis le ${fr(opensOn)}` : ''}.`,
      notes,
    },
    today,
  );
}

/** Change of situation (L221-17 / L113-16): within 3 months of the event, effective 1 month after receipt. */
export function situationChangeTermination(
  ctx: RuleContext,
  org: ContractOrganisation,
): Deadline | undefined {
  const { today, facts } = ctx;
  const event = facts.situationChangeOn;
  if (!event) return undefined;
  const param = delayOn(PARAMETERS.situationChangeWindow, event);
  const raw = addMonths(event, param.value);
  const final = finalDate('termination.situation_change', raw, ctx);
  const dueDate = final.date;
  const status = actionStatus({ today, dueDate, opensOn: event, doneOn: facts.terminationRequestSentOn });
  let rule = `Après le changement de situation du ${fr(event)} (déménagement, mariage, retraite, changement de profession…), vous pouvez résilier dans les ${param.words}, soit au plus tard le ${fr(dueDate)} ; effet un mois après réception de votre demande.`;
  if (facts.terminationRequestSentOn && status !== 'not_applicable_yet') {
    rule += ` Demande envoyée le ${fr(facts.terminationRequestSentOn)}${status === 'met' ? ' : dans le délai.' : ', après le délai.'}`;
  } else if (status === 'open') rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
  return deadline(
    {
      id: 'termination.situation_change',
      kind: 'window',
      title: 'Résiliation pour changement de situation',
      party: 'member',
      opensOn: event,
      dueDate,
      status,
      rolledOver: final.rolledOver,
      rule,
      source: ARTICLES[org].situation,
      action:
        status === 'open'
          ? `Envoyez votre demande avant le ${fr(dueDate)}, avec un justificatif de l'événement (le changement doit modifier le risque couvert).`
          : status === 'met'
            ? 'Demandez la confirmation écrite de la résiliation.'
            : 'Délai dépassé : utilisez la résiliation à tout moment (après un an) ou l’échéance annuelle.',
      computation: `${fr(event)} + ${param.words} = ${fr(raw)} (même quantième, CPC art. 641).${final.explanation}`,
      notes: [COLLECTIVE_NOTE],
    },
    today,
  );
}

function inferRoute(
  ctx: RuleContext,
  annual: AnnualRoute | undefined,
  anytime: Deadline | undefined,
  situation: Deadline | undefined,
): Route | undefined {
  if (ctx.facts.terminationGround) return ctx.facts.terminationGround;
  if (annual?.effectiveOn) return 'annual';
  if (situation?.status === 'met') return 'situation_change';
  if (anytime?.status === 'met') return 'anytime';
  return undefined;
}

export function terminationDeadlines(ctx: RuleContext): Deadline[] {
  if (ctx.organisationType === 'cpam') return [];
  const org = ctx.organisationType;
  const { today, facts } = ctx;
  const ground = facts.terminationGround;
  const annual = !ground || ground === 'annual' ? annualTermination(ctx, org) : undefined;
  const anytime = !ground || ground === 'anytime' ? anytimeTermination(ctx, org) : undefined;
  const situation =
    !ground || ground === 'situation_change' ? situationChangeTermination(ctx, org) : undefined;
  const list = [annual?.deadline, anytime, situation].filter((d): d is Deadline => d !== undefined);
  if (!facts.terminationRequestSentOn && !facts.terminationReceivedOn) return list;

  const route = inferRoute(ctx, annual, anytime, situation);
  if (!route) {
    list.push(notComputableEffect(ctx, org));
    return list;
  }
  const received = facts.terminationReceivedOn;
  let effectiveOn: CalendarDate | undefined;
  let why: string;
  let source: string;
  const articles = ARTICLES[org];
  if (route === 'annual') {
    effectiveOn = annual?.effectiveOn;
    why =
      annual?.effectiveWhy ??
      "effet à l'échéance annuelle (date d'échéance ou demande dans le délai manquante)";
    source = annual?.chatel ? articles.chatel : articles.annual;
  } else {
    const param = delayOn(
      route === 'anytime' ? PARAMETERS.anytimeTerminationEffect : PARAMETERS.situationChangeEffect,
      received ?? today,
    );
    const floor =
      route === 'anytime' && facts.subscriptionDate
        ? addYears(facts.subscriptionDate, delayOn(PARAMETERS.anytimeTerminationAfter, today).value)
        : undefined;
    effectiveOn = received ? latest(addMonths(received, param.value), floor) : undefined;
    why = received
      ? `réception le ${fr(received)} + ${param.words} = ${fr(addMonths(received, param.value))} (même quantième)${floor && effectiveOn === floor && floor !== addMonths(received, param.value) ? ` ; pas avant un an de contrat, le ${fr(floor)}` : ''}`
      : "date de réception de la demande inconnue : l'effet se compte un mois après la réception";
    source = route === 'anytime' ? articles.anytime : articles.situation;
  }
  const effective = deadline(
    {
      id: 'termination.effective',
      kind: 'milestone',
      title: 'Date d’effet de la résiliation',
      party: 'organisation',
      dueDate: effectiveOn ?? null,
      status: milestoneStatus(today, effectiveOn ?? null),
      rule: effectiveOn
        ? `Votre contrat prend fin le ${fr(effectiveOn)} (${why}). L'organisme doit confirmer la résiliation par écrit.`
        : `Date d'effet non calculable : ${why}. Il manque : la date de réception de la demande par l'organisme.`,
      source,
      action: effectiveOn
        ? 'Vérifiez que les cotisations cessent à cette date et que vous êtes couvert ailleurs à partir de ce jour.'
        : "Demandez à l'organisme la date de réception de votre demande.",
      computation: why,
      notes: [],
      ...(effectiveOn
        ? {}
        : { details: { missing: ["la date de réception de la demande par l'organisme"] } }),
    },
    today,
  );
  list.push(effective);

  const refundApplies = route === 'anytime' || (route === 'annual' && annual?.chatel);
  if (effectiveOn && refundApplies) {
    const param = delayOn(PARAMETERS.terminationRefund, effectiveOn);
    const dueDate = addDays(effectiveOn, param.value);
    const status = actionStatus({ today, dueDate, doneOn: facts.contributionRefundedOn });
    list.push(
      deadline(
        {
          id: 'termination.refund',
          kind: 'deadline',
          title: 'Remboursement de la cotisation non courue',
          party: 'organisation',
          dueDate,
          status,
          rule: `L'organisme doit vous rembourser la part de cotisation correspondant à la période après le ${fr(effectiveOn)} dans les ${param.words}, soit au plus tard le ${fr(dueDate)} ; à défaut, la somme produit des intérêts au taux légal.${facts.contributionRefundedOn ? ` Remboursement le ${fr(facts.contributionRefundedOn)}.` : ''}`,
          source: route === 'anytime' ? articles.anytime : articles.chatel,
          action:
            status === 'missed'
              ? 'Réclamez le remboursement par écrit, avec les intérêts au taux légal.'
              : 'Surveillez le remboursement sur votre compte.',
          computation: `${fr(effectiveOn)} + ${param.words} calendaires (jour de départ non compté, CPC art. 641) = ${fr(dueDate)}.`,
          notes: facts.contributionPaidUntil
            ? [`Période à rembourser : du ${fr(effectiveOn)} au ${fr(facts.contributionPaidUntil)}.`]
            : [
                'Indiquez le dernier jour couvert par la cotisation déjà payée pour connaître la période à rembourser.',
              ],
          details: {
            refundPeriod: {
              from: effectiveOn,
              to:
                facts.contributionPaidUntil && facts.contributionPaidUntil >= effectiveOn
                  ? facts.contributionPaidUntil
                  : null,
              refundBy: dueDate,
            },
          },
        },
        today,
      ),
    );
  }
  return list;
}

/**
 * A request was sent but no route fits the facts: say « non calculable » and what is missing (issue 16), rather
 * than leaving the member without an effective date.
 */
function notComputableEffect(ctx: RuleContext, org: ContractOrganisation): Deadline {
  const { facts, today } = ctx;
  const missing: string[] = [];
  if (!facts.terminationGround) {
    missing.push(
      'le motif de la résiliation (échéance annuelle, après un an de contrat ou changement de situation)',
    );
  }
  const ground = facts.terminationGround;
  if ((!ground || ground === 'annual') && !facts.renewalDate)
    missing.push("la date d'échéance annuelle du contrat");
  if ((!ground || ground === 'anytime') && !facts.subscriptionDate)
    missing.push('la date de souscription du contrat');
  if ((!ground || ground === 'situation_change') && !facts.situationChangeOn) {
    missing.push('la date du changement de situation');
  }
  if (!facts.terminationReceivedOn) missing.push("la date de réception de la demande par l'organisme");
  const articles = ARTICLES[org];
  return deadline(
    {
      id: 'termination.effective',
      kind: 'milestone',
      title: 'Date d’effet de la résiliation',
      party: 'organisation',
      dueDate: null,
      status: 'not_applicable_yet',
      rule: `Date d'effet non calculable : la demande ne correspond à aucune voie de résiliation d'après les faits connus. Il manque : ${missing.join(' ; ')}.`,
      source: `${articles.annual} ; ${articles.anytime} ; ${articles.situation}`,
      action: 'Complétez ces informations : la date d’effet et le remboursement de cotisation en dépendent.',
      computation: 'Non calculable.',
      notes: [COLLECTIVE_NOTE],
      details: { missing },
    },
    today,
  );
}
