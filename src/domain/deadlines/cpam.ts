import { addDays, addMonths, type CalendarDate, daysBetween } from '../shared/calendar-date.ts';
import { delayOn, PARAMETERS } from './parameters.ts';
import { actionStatus, deadline, finalDate, fr, type RuleContext, remainingText } from './rule-context.ts';
import type { Deadline, DeadlineStatus } from './schema.ts';

interface Suspended {
  date: CalendarDate | null;
  text: string;
  suspendedSince?: CalendarDate;
  remainingDays?: number;
}

/**
 * CSS L217-7-1: the CPAM mediation suspends the recourse periods from the notice that it is admissible until the
 * recommendations are sent. The days left at the start of the suspension run again from the recommendations.
 */
export function cpamMediationSuspension(ctx: RuleContext, start: CalendarDate, end: CalendarDate): Suspended {
  const admissible = ctx.facts.cpamMediatorAdmissibleOn;
  const recommendations = ctx.facts.cpamMediatorRecommendationsOn;
  if (!admissible || admissible < start || admissible > end) return { date: end, text: '' };
  const remainingDays = daysBetween(admissible, end);
  if (!recommendations) {
    return {
      date: null,
      text: ` Délai suspendu depuis le ${fr(admissible)} (recevabilité de la médiation, CSS art. L217-7-1) : il restait ${remainingDays} jours.`,
      suspendedSince: admissible,
      remainingDays,
    };
  }
  const resumed = addDays(recommendations, remainingDays);
  return {
    date: resumed,
    text: ` Suspension du ${fr(admissible)} au ${fr(recommendations)} (médiation CPAM, CSS art. L217-7-1) : les ${remainingDays} jours restants courent à nouveau, fin le ${fr(resumed)}.`,
  };
}

function enforceable(status: DeadlineStatus, mentioned: boolean): DeadlineStatus {
  if (mentioned || status === 'met') return status;
  return 'not_enforceable';
}

const NOT_ENFORCEABLE =
  'La notification ne mentionnait pas les voies et délais de recours : ce délai ne vous est pas opposable (CSS art. R142-1-A III). Agissez tout de même au plus tôt.';

/** R142-1: the CRA must be seized within 2 months of the notification of the decision. */
export function craReferral(ctx: RuleContext): Deadline | undefined {
  const { today, facts } = ctx;
  const notified = facts.cpamDecisionNotifiedOn;
  if (!notified) return undefined;
  const param = delayOn(PARAMETERS.craReferral, notified);
  const raw = addMonths(notified, param.value);
  const suspended = cpamMediationSuspension(ctx, notified, raw);
  const base = {
    id: 'cpam.cra_referral' as const,
    kind: 'deadline' as const,
    title: 'Saisine de la commission de recours amiable (CRA)',
    party: 'member' as const,
    source: `${param.source} ; CSS art. R142-1-A III ; CPC art. 641 et 642`,
  };
  const notes = [
    'Date retenue pour la saisine : réception par la CRA (lecture prudente). Les contestations d’ordre médical relèvent de la CMRA.',
  ];
  if (!facts.cpamNotificationMentionedRemedies) notes.unshift(NOT_ENFORCEABLE);
  const computationStart = `Notification le ${fr(notified)} ; + ${param.words} = ${fr(raw)} (même quantième, CPC art. 641).`;
  if (suspended.date === null && !facts.craSeizedOn) {
    return deadline(
      {
        ...base,
        dueDate: null,
        status: 'suspended',
        rule: `Vous devez saisir la CRA dans les ${param.words} de la notification du ${fr(notified)}. Le délai est suspendu par la médiation de la CPAM ; il restera ${suspended.remainingDays} jours après ses recommandations.`,
        action: 'Notez la date des recommandations du médiateur : le délai repart ce jour-là.',
        computation: `${computationStart}${suspended.text}`,
        notes,
      },
      today,
    );
  }
  const final = finalDate('cpam.cra_referral', suspended.date ?? raw, ctx);
  const dueDate = final.date;
  const status = enforceable(
    actionStatus({ today, dueDate, doneOn: facts.craSeizedOn }),
    facts.cpamNotificationMentionedRemedies,
  );
  let rule = `Vous devez saisir la commission de recours amiable dans les ${param.words} de la notification du ${fr(notified)}, soit au plus tard le ${fr(dueDate)}. C'est obligatoire avant tout recours au tribunal.`;
  if (facts.craSeizedOn) {
    rule += ` CRA saisie le ${fr(facts.craSeizedOn)}${facts.craSeizedOn <= dueDate ? ' : dans le délai.' : ', après le délai.'}`;
  } else if (status !== 'missed') {
    rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
  }
  return deadline(
    {
      ...base,
      dueDate,
      status,
      rolledOver: final.rolledOver,
      rule,
      action: facts.craSeizedOn
        ? `Attendez la décision de la CRA (${delayOn(PARAMETERS.craImplicitRejection, facts.craSeizedOn).words}) ; gardez l’accusé de réception.`
        : `Écrivez à la CRA de votre caisse (lettre recommandée avec AR ou compte ameli) avant le ${fr(dueDate)}, avec la décision contestée et vos justificatifs.`,
      computation: `${computationStart}${suspended.text}${final.explanation}`,
      notes,
    },
    today,
  );
}

/** R142-6: without a decision 2 months after the CRA received the recourse, the claim is implicitly rejected. */
export function implicitRejectionDate(ctx: RuleContext): CalendarDate | undefined {
  const seized = ctx.facts.craSeizedOn;
  if (!seized) return undefined;
  return addMonths(seized, delayOn(PARAMETERS.craImplicitRejection, seized).value);
}

export function craDecision(ctx: RuleContext): Deadline | undefined {
  const { today, facts } = ctx;
  const seized = facts.craSeizedOn;
  if (!seized) return undefined;
  const param = delayOn(PARAMETERS.craImplicitRejection, seized);
  const dueDate = addMonths(seized, param.value);
  const status = actionStatus({ today, dueDate, doneOn: facts.craDecisionNotifiedOn });
  let rule = `La CRA doit statuer dans les ${param.words} de la réception de votre recours (${fr(seized)}), soit au plus tard le ${fr(dueDate)} ; son silence vaut alors rejet implicite.`;
  let action: string;
  if (facts.craDecisionNotifiedOn) {
    rule += ` Décision notifiée le ${fr(facts.craDecisionNotifiedOn)}.`;
    action =
      'Si la décision ne vous satisfait pas, saisissez le pôle social du tribunal judiciaire (voir ce délai).';
  } else if (status === 'missed') {
    rule += ` Sans décision, le rejet implicite est acquis depuis le ${fr(dueDate)}.`;
    action = `Vous pouvez saisir le pôle social du tribunal judiciaire : le délai de ${delayOn(PARAMETERS.tribunalReferral, dueDate).words} court depuis le rejet implicite.`;
  } else {
    rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
    action = `Attendez la décision jusqu'au ${fr(dueDate)}.`;
  }
  return deadline(
    {
      id: 'cpam.cra_decision',
      kind: 'deadline',
      title: 'Décision de la CRA (ou rejet implicite)',
      party: 'cpam',
      dueDate,
      status,
      rule,
      source: param.source,
      action,
      computation: `${fr(seized)} + ${param.value} mois = ${fr(dueDate)} (même quantième, CPC art. 641) ; pas de report au jour ouvrable suivant (délai de l'administration).${seized < '2019-01-01' ? ' Recours reçu avant le 01/01/2019 : délai d’un mois.' : ''}`,
      notes: [],
    },
    today,
  );
}

/** R142-1-A: the pôle social of the tribunal judiciaire within 2 months of the CRA decision or implicit rejection. */
export function tribunalReferral(ctx: RuleContext): Deadline | undefined {
  const { today, facts } = ctx;
  const implicit = implicitRejectionDate(ctx);
  const explicit = facts.craDecisionNotifiedOn;
  if (!implicit && !explicit) return undefined;
  const notes: string[] = [];
  const useExplicit = explicit !== undefined && (implicit === undefined || explicit <= implicit);
  const decisionOn = useExplicit ? explicit! : implicit!;
  const opensOn = useExplicit ? explicit! : addDays(implicit!, 1);
  if (!useExplicit && explicit) {
    notes.push(
      `⚠ Décision explicite du ${fr(explicit)} postérieure au rejet implicite : par prudence, le délai est compté depuis le rejet implicite.`,
    );
  }
  const mentioned = useExplicit
    ? facts.craDecisionMentionedRemedies
    : facts.craAcknowledgmentMentionedRemedies;
  if (!mentioned) notes.unshift(NOT_ENFORCEABLE);
  const param = delayOn(PARAMETERS.tribunalReferral, decisionOn);
  const raw = addMonths(decisionOn, param.value);
  const suspended = cpamMediationSuspension(ctx, decisionOn, raw);
  const what = useExplicit
    ? `la décision de la CRA du ${fr(decisionOn)}`
    : `le rejet implicite du ${fr(decisionOn)}`;
  const base = {
    id: 'cpam.tribunal_referral' as const,
    kind: 'window' as const,
    title: 'Saisine du pôle social du tribunal judiciaire',
    party: 'member' as const,
    opensOn,
    source: `${param.source} ; CSS art. R142-1-A III ; CPC art. 641 et 642`,
  };
  const computationStart = `${useExplicit ? 'Décision notifiée' : 'Rejet implicite'} le ${fr(decisionOn)} ; + ${param.words} = ${fr(raw)} (même quantième, CPC art. 641).`;
  if (suspended.date === null && !facts.tribunalSeizedOn) {
    return deadline(
      {
        ...base,
        dueDate: null,
        status: 'suspended',
        rule: `Vous devez saisir le tribunal dans les ${param.words} suivant ${what}. Le délai est suspendu par la médiation de la CPAM ; il restera ${suspended.remainingDays} jours après ses recommandations.`,
        action: 'Notez la date des recommandations du médiateur : le délai repart ce jour-là.',
        computation: `${computationStart}${suspended.text}`,
        notes,
      },
      today,
    );
  }
  const final = finalDate('cpam.tribunal_referral', suspended.date ?? raw, ctx);
  const dueDate = final.date;
  const status = enforceable(
    actionStatus({ today, dueDate, opensOn, doneOn: facts.tribunalSeizedOn }),
    mentioned,
  );
  let rule = `Vous pouvez saisir le pôle social du tribunal judiciaire dans les ${param.words} suivant ${what}, soit au plus tard le ${fr(dueDate)}.`;
  if (facts.tribunalSeizedOn) {
    rule += ` Tribunal saisi le ${fr(facts.tribunalSeizedOn)}${facts.tribunalSeizedOn <= dueDate ? ' : dans le délai.' : ', après le délai.'}`;
  } else if (status === 'not_applicable_yet') {
    rule += ` La saisine sera possible à partir du ${fr(opensOn)} si la CRA ne s'est pas prononcée.`;
  } else if (status !== 'missed') {
    rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
  }
  return deadline(
    {
      ...base,
      dueDate,
      status,
      rolledOver: final.rolledOver,
      rule,
      action: facts.tribunalSeizedOn
        ? 'Suivez la procédure devant le tribunal.'
        : `Déposez une requête au greffe du pôle social du tribunal judiciaire (ou envoyez-la en recommandé) avant le ${fr(dueDate)}, avec la décision de la CRA ou la preuve de sa saisine.`,
      computation: `${computationStart}${suspended.text}${final.explanation}`,
      notes,
    },
    today,
  );
}

export function cpamDeadlines(ctx: RuleContext): Deadline[] {
  if (ctx.organisationType !== 'cpam') return [];
  return [craReferral(ctx), craDecision(ctx), tribunalReferral(ctx)].filter(
    (d): d is Deadline => d !== undefined,
  );
}
