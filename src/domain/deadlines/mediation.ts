import { addDays, addMonths, addYears, type CalendarDate } from '../shared/calendar-date.ts';
import { complaintStart } from './complaint.ts';
import { delayOn, durationWords, MEDIATORS, type Mediator, PARAMETERS } from './parameters.ts';
import {
  actedOn,
  actionStatus,
  deadline,
  earliest,
  finalDate,
  fr,
  type RuleContext,
  remainingText,
} from './rule-context.ts';
import type { Deadline } from './schema.ts';

/** The consumer mediator that fits the organisation (docs/sources.md §3). */
export function competentMediator(ctx: RuleContext): Mediator {
  switch (ctx.organisationType) {
    case 'mutuelle':
      return MEDIATORS[ctx.options.mutuelleMediator];
    case 'insurer':
      return MEDIATORS.lma;
    case 'institution_prevoyance':
      return MEDIATORS.ctip;
    case 'cpam':
      return MEDIATORS.cpam;
  }
}

function mediatorNotes(ctx: RuleContext): string[] {
  if (ctx.organisationType !== 'mutuelle') return [];
  return ctx.options.mutuelleMediator === 'fnmf'
    ? [
        "Certaines mutuelles adhèrent à La Médiation de l'Assurance (LMA), parfois pour leurs seules garanties autres que la santé : vérifiez le médiateur indiqué dans la réponse ou le contrat.",
      ]
    : [
        'Médiateur LMA retenu comme indiqué pour cette mutuelle : elle doit y adhérer (vérifiez le contrat ou la réponse).',
      ];
}

/**
 * Consumer mediation (C. consom. L612-2): opens after a negative or partial answer, or 2 months without answer;
 * closes 1 year after the written complaint.
 */
export function referralWindow(ctx: RuleContext): Deadline | undefined {
  const { today, facts } = ctx;
  const mediator = competentMediator(ctx);
  if (ctx.organisationType === 'cpam') return cpamMediatorReferral(ctx, mediator);

  const start = complaintStart(ctx);
  const base = {
    id: 'mediation.referral_window' as const,
    kind: 'window' as const,
    title: `Saisine du médiateur : ${mediator.name}`,
    party: 'member' as const,
    mediator,
  };
  if (!start) {
    if (!facts.mediatorSeizedOn) return undefined;
    return deadline(
      {
        ...base,
        dueDate: null,
        status: 'not_applicable_yet',
        rule: `Le médiateur a été saisi le ${fr(facts.mediatorSeizedOn)} sans réclamation écrite préalable connue : la demande est irrecevable tant que l'organisme n'a pas reçu de réclamation écrite.`,
        source: 'C. consom. art. L612-2 1°',
        action: `Adressez d'abord une réclamation écrite à l'organisme, puis saisissez le médiateur après sa réponse ou ${delayOn(PARAMETERS.mediationEarliestWithoutAnswer, facts.mediatorSeizedOn).words} sans réponse.`,
        computation: 'Aucune date de réclamation écrite : fenêtre non calculable.',
        notes: mediatorNotes(ctx),
      },
      today,
    );
  }

  const earliestParam = delayOn(PARAMETERS.mediationEarliestWithoutAnswer, start.date);
  const latestParam = delayOn(PARAMETERS.mediationLatest, start.date);
  const afterSilence = addDays(addMonths(start.date, earliestParam.value), 1);
  const negative =
    facts.answerReceivedOn !== undefined &&
    (facts.answerOutcome === 'rejected' || facts.answerOutcome === 'partial');
  const opensOn = negative ? earliest(facts.answerReceivedOn, afterSilence)! : afterSilence;
  // L612-2 4° counts from "sa réclamation écrite": the earliest known date is the safe reading for the member.
  const writtenOn = earliest(facts.complaintSentOn, facts.complaintReceivedOn)!;
  const rawClose = addYears(writtenOn, latestParam.value);
  const final = finalDate('mediation.referral_window', rawClose, ctx);
  const dueDate = final.date;
  const status = actionStatus({ today, dueDate, opensOn, doneOn: facts.mediatorSeizedOn });
  const notes = mediatorNotes(ctx);

  const openWhy = negative
    ? `dès la réponse ${facts.answerOutcome === 'partial' ? 'partielle' : 'négative'} du ${fr(facts.answerReceivedOn!)}`
    : `à partir du ${fr(opensOn)}, lendemain des ${earliestParam.words} sans réponse satisfaisante`;
  let rule = `Vous pouvez saisir le médiateur compétent, ${mediator.name}, ${openWhy}, et au plus tard le ${fr(dueDate)} (${latestParam.words} après votre réclamation écrite du ${fr(writtenOn)}) ; au-delà, la demande est irrecevable.`;
  if (facts.answerOutcome === 'accepted') {
    rule +=
      " Votre réclamation a été acceptée : le médiateur n'est utile que si l'organisme ne tient pas son engagement.";
  }
  let action: string;
  if (facts.mediatorSeizedOn && facts.mediatorSeizedOn < opensOn) {
    notes.push(
      `Saisine du ${fr(facts.mediatorSeizedOn)} prématurée (avant le ${fr(opensOn)}) : le médiateur peut la déclarer irrecevable ; elle pourra être renouvelée pendant la fenêtre.`,
    );
  }
  if (status === 'met') {
    rule += ` Médiateur saisi le ${fr(facts.mediatorSeizedOn!)} : dans le délai.`;
    action = 'Suivez la notification de saisine du médiateur et répondez à ses demandes de pièces.';
  } else if (status === 'missed') {
    rule += facts.mediatorSeizedOn
      ? ` Médiateur saisi le ${fr(facts.mediatorSeizedOn)}, après la limite.`
      : ` La limite du ${fr(dueDate)} est dépassée.`;
    action =
      "La médiation n'est plus recevable ; seule reste l'action en justice, si elle n'est pas prescrite.";
  } else if (status === 'not_applicable_yet') {
    rule += ` À ce jour, la fenêtre n'est pas encore ouverte.`;
    action = `Attendez la réponse de l'organisme ; sans réponse, saisissez le médiateur à partir du ${fr(opensOn)}.`;
  } else {
    rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
    action = `Saisissez le médiateur avant le ${fr(dueDate)} : ${mediator.howToSeize}`;
  }
  return deadline(
    {
      ...base,
      opensOn,
      dueDate,
      status,
      doneOn: actedOn({ opensOn, doneOn: facts.mediatorSeizedOn }),
      rolledOver: final.rolledOver,
      rule,
      source: `${latestParam.source} ; ${earliestParam.source} ; ${mediator.source}`,
      action,
      computation: `Ouverture : ${negative ? `date de la réponse (${fr(facts.answerReceivedOn!)})` : `${fr(start.date)} + ${earliestParam.words} = ${fr(addMonths(start.date, earliestParam.value))}, saisine possible le lendemain`}. Clôture : ${fr(writtenOn)} + ${latestParam.words} = ${fr(rawClose)} (même quantième, CPC art. 641).${final.explanation}`,
      notes,
    },
    today,
  );
}

/** CPAM mediator (CSS L217-7-1): no L612-2 window; a prior approach to the department is required. */
function cpamMediatorReferral(ctx: RuleContext, mediator: Mediator): Deadline | undefined {
  const { today, facts } = ctx;
  const prior = earliest(facts.complaintSentOn, facts.complaintReceivedOn);
  if (!prior && !facts.mediatorSeizedOn && !facts.cpamMediatorAdmissibleOn) return undefined;
  const seized = earliest(facts.mediatorSeizedOn, facts.cpamMediatorAdmissibleOn);
  const status = actionStatus({ today, dueDate: null, opensOn: prior ?? null, doneOn: seized });
  const notes = [
    'La médiation de la CPAM suspend les délais de recours (CRA, tribunal) entre la notification de sa recevabilité et la communication des recommandations ; elle ne suspend pas la prescription.',
    'Saisir le tribunal met fin à la médiation.',
  ];
  let rule = prior
    ? `Après votre démarche auprès du service concerné (${fr(prior)}), vous pouvez saisir le médiateur de la CPAM à tout moment ; aucun délai propre, mais les délais de recours continuent de courir tant que la médiation n'est pas déclarée recevable.`
    : `Une démarche préalable auprès du service concerné de la CPAM est obligatoire avant de saisir le médiateur de la CPAM.`;
  if (status === 'met') rule += ` Médiateur saisi le ${fr(seized!)}.`;
  return deadline(
    {
      id: 'mediation.referral_window',
      kind: 'window',
      title: `Saisine du médiateur : ${mediator.name}`,
      party: 'member',
      opensOn: prior ?? null,
      dueDate: null,
      status: prior || status === 'met' ? status : 'not_applicable_yet',
      rule,
      source: `${mediator.source}`,
      action:
        status === 'met'
          ? 'Suivez la médiation ; surveillez la date de reprise des délais de recours après les recommandations.'
          : `${mediator.howToSeize} Ne laissez pas passer le délai de saisine de la CRA en attendant.`,
      computation: 'Pas de délai de saisine : fenêtre ouverte dès la démarche préalable.',
      notes,
      mediator,
    },
    today,
  );
}

/** L612-2 last paragraph: a rejection must be notified within 3 weeks of receipt of the file. */
export function inadmissibilityNotice(ctx: RuleContext): Deadline | undefined {
  const { today, facts } = ctx;
  const from = facts.mediationFileCompleteOn ?? facts.mediatorSeizedOn;
  if (!from) return undefined;
  const param = delayOn(PARAMETERS.mediationInadmissibilityNotice, from);
  const raw = addDays(from, param.value * 7);
  const final = finalDate('mediation.inadmissibility_notice', raw, ctx);
  const dueDate = final.date;
  const notes: string[] = [];
  if (!facts.mediationFileCompleteOn) {
    notes.push('Date de réception du dossier complet inconnue : le délai est compté depuis la saisine.');
  }
  let status: Deadline['status'];
  let outcome: string;
  let action: string;
  if (facts.mediationRejectedOn) {
    status = facts.mediationRejectedOn <= dueDate ? 'met' : 'missed';
    outcome = ` Irrecevabilité notifiée le ${fr(facts.mediationRejectedOn)}${status === 'met' ? '' : ', hors délai'}.`;
    action =
      "Lisez le motif de rejet : s'il est temporaire (saisine prématurée, dossier incomplet), vous pouvez ressaisir le médiateur ; sinon, voyez l'action en justice.";
  } else if (facts.mediationNotifiedOn) {
    status = 'met';
    outcome = ` Le médiateur a notifié la saisine le ${fr(facts.mediationNotifiedOn)} : la demande est examinée.`;
    action = `Rien à faire : le délai de ${delayOn(PARAMETERS.mediationOutcome, facts.mediationNotifiedOn).words} pour l’issue de la médiation court.`;
  } else if (today <= dueDate) {
    status = 'open';
    outcome = ` À ce jour, ${remainingText(today, dueDate)}.`;
    action = `Attendez la réponse du médiateur jusqu'au ${fr(dueDate)}.`;
  } else {
    status = 'passed';
    outcome = ' Aucun rejet notifié dans le délai.';
    action =
      'Demandez au médiateur où en est votre dossier et la date de notification de la saisine (R612-2).';
  }
  return deadline(
    {
      id: 'mediation.inadmissibility_notice',
      kind: 'deadline',
      title: "Notification d'une éventuelle irrecevabilité par le médiateur",
      party: 'mediator',
      dueDate,
      status,
      rolledOver: final.rolledOver,
      rule: `Si le médiateur rejette votre demande, il doit vous le dire dans les ${param.words} suivant la réception du dossier (${fr(from)}), soit au plus tard le ${fr(dueDate)}.${outcome}`,
      source: param.source,
      action,
      computation: `${fr(from)} + ${durationWords(param.value * 7, 'jours')} calendaires (jour de départ non compté, CPC art. 641) = ${fr(raw)}.${final.explanation}`,
      notes,
    },
    today,
  );
}

/** R612-5: outcome within 90 days of the R612-2 notification, extensible by the mediator. */
export function mediationOutcome(ctx: RuleContext): Deadline | undefined {
  const { today, facts, options } = ctx;
  if (!facts.mediatorSeizedOn && !facts.mediationFileCompleteOn && !facts.mediationNotifiedOn)
    return undefined;
  if (facts.mediationRejectedOn) return undefined;
  const fromNotification = options.mediationOutcomeFrom === 'notification';
  const from: CalendarDate | undefined = fromNotification
    ? facts.mediationNotifiedOn
    : facts.mediationFileCompleteOn;
  const fromWords = fromNotification
    ? 'la notification de la saisine aux parties (R612-2)'
    : 'la réception du dossier complet';
  const param = delayOn(PARAMETERS.mediationOutcome, from ?? facts.mediatorSeizedOn ?? today);
  const base = {
    id: 'mediation.outcome' as const,
    kind: 'deadline' as const,
    title: 'Issue de la médiation',
    party: 'mediator' as const,
    source: `${param.source} (prolongation possible pour un litige complexe)`,
  };
  if (!from) {
    return deadline(
      {
        ...base,
        dueDate: null,
        status: 'not_applicable_yet',
        rule: `Le médiateur doit rendre son avis dans les ${param.words} suivant ${fromWords} ; cette date n'est pas encore connue.`,
        action: 'Attendez la notification de la saisine par le médiateur et notez sa date.',
        computation: `Départ : ${fromWords}, date inconnue.`,
        notes: [],
      },
      today,
    );
  }
  const raw = addDays(from, param.value);
  const final = finalDate('mediation.outcome', raw, ctx);
  let dueDate = final.date;
  const notes: string[] = [];
  let extension = '';
  if (facts.mediationExtendedTo && facts.mediationExtendedTo > dueDate) {
    dueDate = facts.mediationExtendedTo;
    extension = ` Le médiateur a prolongé le délai jusqu'au ${fr(dueDate)}.`;
  }
  if (!fromNotification) {
    notes.push(
      'Option « dossier complet » : certains médiateurs comptent ainsi, mais le texte (R612-5) part de la notification R612-2.',
    );
  }
  const status = actionStatus({ today, dueDate, doneOn: facts.mediationEndedOn });
  let rule = `Le médiateur doit rendre son avis dans les ${param.words} suivant ${fromWords} du ${fr(from)}, soit au plus tard le ${fr(final.date)}.${extension}`;
  let action: string;
  if (facts.mediationEndedOn) {
    rule += ` Médiation terminée le ${fr(facts.mediationEndedOn)}${status === 'met' ? '' : ', après le délai'}.`;
    action = `Vous êtes libre d'accepter ou de refuser la proposition ; les tribunaux restent ouverts. La prescription reprend (au moins ${delayOn(PARAMETERS.mediationSuspensionMinimum, facts.mediationEndedOn).words}).`;
  } else if (status === 'missed') {
    rule += ' Aucun avis à ce jour.';
    action = 'Relancez le médiateur ; vous pouvez aussi mettre fin à la médiation et saisir le tribunal.';
  } else {
    rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
    action = 'Répondez aux demandes du médiateur ; attendez sa proposition.';
  }
  return deadline(
    {
      ...base,
      dueDate,
      status,
      rolledOver: final.rolledOver,
      rule,
      action,
      computation: `${fr(from)} + ${param.words} calendaires (jour de départ non compté, CPC art. 641) = ${fr(raw)}.${final.explanation}${extension}`,
      notes,
    },
    today,
  );
}

export function mediationDeadlines(ctx: RuleContext): Deadline[] {
  const list = [referralWindow(ctx)];
  if (ctx.organisationType !== 'cpam') list.push(inadmissibilityNotice(ctx), mediationOutcome(ctx));
  return list.filter((d): d is Deadline => d !== undefined);
}
