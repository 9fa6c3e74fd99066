import { addMonths, type CalendarDate } from '../shared/calendar-date.ts';
import { delayOn, PARAMETERS } from './parameters.ts';
import {
  actionStatus,
  deadline,
  earliest,
  finalDate,
  fr,
  type RuleContext,
  remainingText,
} from './rule-context.ts';
import type { Deadline } from './schema.ts';
import { addWorkingDays, describeSkipped } from './working-days.ts';

export interface ComplaintStart {
  date: CalendarDate;
  basis: 'sending' | 'receipt';
  /** True when the option asked for the other date and it was unknown. */
  fallback: boolean;
}

/** Where the ACPR periods start: the sending of the written complaint by default, its receipt as an option. */
export function complaintStart(ctx: RuleContext): ComplaintStart | undefined {
  const { complaintSentOn, complaintReceivedOn } = ctx.facts;
  const wanted = ctx.options.complaintCountFrom;
  const first = wanted === 'sending' ? complaintSentOn : complaintReceivedOn;
  if (first) return { date: first, basis: wanted, fallback: false };
  const other = wanted === 'sending' ? complaintReceivedOn : complaintSentOn;
  if (other) return { date: other, basis: wanted === 'sending' ? 'receipt' : 'sending', fallback: true };
  return undefined;
}

function startWords(start: ComplaintStart): string {
  const what = start.basis === 'sending' ? 'envoyée le' : 'reçue par l’organisme le';
  return `${what} ${fr(start.date)}`;
}

function startNotes(start: ComplaintStart): string[] {
  const notes: string[] = [];
  if (start.fallback) {
    notes.push(
      start.basis === 'receipt'
        ? "Date d'envoi inconnue : le délai est compté depuis la réception, ce qui peut le repousser de quelques jours."
        : 'Date de réception inconnue : le délai est compté depuis l’envoi.',
    );
  }
  if (start.date < '2022-12-31') {
    notes.push(
      'Réclamation antérieure au 31/12/2022 : la recommandation alors applicable comptait les délais depuis la réception de la réclamation : le calcul peut être refait depuis cette date.',
    );
  }
  return notes;
}

/** The acknowledgment period the law sets on the complaint's date (on `today` before any complaint). */
export function legalAcknowledgmentDays(ctx: RuleContext, start: ComplaintStart | undefined): number {
  return delayOn(PARAMETERS.complaintAcknowledgment, start?.date ?? ctx.today).value;
}

/** The acknowledgment period used: the option when given, else the law's. */
export function acknowledgmentDays(ctx: RuleContext, start: ComplaintStart | undefined): number {
  return ctx.options.acknowledgmentDays ?? legalAcknowledgmentDays(ctx, start);
}

/** ACPR 2024-R-02: acknowledgment within PARAMETERS.complaintAcknowledgment, unless a substantive answer comes first. */
export function acknowledgmentDeadline(ctx: RuleContext, start: ComplaintStart): Deadline {
  const { today, facts, options, calendar } = ctx;
  const param = delayOn(PARAMETERS.complaintAcknowledgment, start.date);
  const days = acknowledgmentDays(ctx, start);
  const kind = options.acknowledgmentDayKind;
  const counted = addWorkingDays(start.date, days, kind, calendar);
  const final = finalDate('complaint.acknowledgment', counted.date, ctx);
  const dueDate = final.date;
  const answeredInTime = facts.answerReceivedOn !== undefined && facts.answerReceivedOn <= dueDate;
  const doneOn = earliest(facts.acknowledgedOn, answeredInTime ? facts.answerReceivedOn : undefined);
  const status = actionStatus({ today, dueDate, doneOn });
  const kindWords = kind === 'ouvrables' ? 'jours ouvrables' : 'jours ouvrés';

  let rule = `L'organisme doit accuser réception de votre réclamation ${startWords(start)} dans les ${days} ${kindWords}, soit au plus tard le ${fr(dueDate)}, sauf s'il vous répond sur le fond dans ce délai.`;
  let action: string;
  if (status === 'met') {
    rule +=
      doneOn === facts.acknowledgedOn
        ? ` Accusé de réception du ${fr(doneOn!)} : délai respecté.`
        : ` Réponse sur le fond du ${fr(doneOn!)} : elle vaut accusé de réception.`;
    action = 'Rien à faire : conservez l’accusé de réception dans le dossier.';
  } else if (status === 'missed') {
    rule += facts.acknowledgedOn
      ? ` L'accusé de réception du ${fr(facts.acknowledgedOn)} est arrivé après le délai.`
      : ` Aucun accusé de réception au ${fr(dueDate)}.`;
    action = facts.acknowledgedOn
      ? 'Notez ce retard dans le dossier : il pourra être signalé au médiateur.'
      : "Relancez l'organisme par écrit en citant la recommandation ACPR 2024-R-02 ; gardez la trace de ce retard pour la saisine du médiateur.";
  } else {
    rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
    action = `Attendez l'accusé de réception jusqu'au ${fr(dueDate)} inclus et conservez la preuve d'envoi de votre réclamation.`;
  }

  const skippedText = counted.skipped.length
    ? ` Jours non comptés : ${describeSkipped(counted.skipped)}.`
    : ' Aucun jour non compté dans la période.';
  const dayDefinition =
    kind === 'ouvrables'
      ? 'jours ouvrables = tous les jours sauf le dimanche et les jours fériés'
      : 'jours ouvrés = du lundi au vendredi, hors jours fériés';
  return deadline(
    {
      id: 'complaint.acknowledgment',
      kind: 'deadline',
      title: 'Accusé de réception de la réclamation',
      party: 'organisation',
      dueDate,
      status,
      doneOn,
      rolledOver: final.rolledOver,
      rule,
      source:
        days === param.value ? param.source : `${param.source} (délai modifié par option : ${days} jours)`,
      action,
      computation: `Départ le ${fr(start.date)} (${start.basis === 'sending' ? 'envoi' : 'réception'}), jour non compté (CPC art. 641) ; ${days} ${kindWords} (${dayDefinition}) : le ${days}e tombe le ${fr(counted.date)}.${skippedText}${final.explanation}`,
      notes: startNotes(start),
    },
    today,
  );
}

/** ACPR 2024-R-02: a written answer within 2 months; a complex case may take longer if the member is told. */
export function answerDeadline(ctx: RuleContext, start: ComplaintStart): Deadline {
  const { today, facts } = ctx;
  const param = delayOn(PARAMETERS.complaintAnswer, start.date);
  const legalDue = addMonths(start.date, param.value);
  const final = finalDate('complaint.answer', legalDue, ctx);
  const notes = startNotes(start);
  let dueDate = final.date;
  let complexText = '';
  if (facts.complexCaseNotifiedOn) {
    if (facts.complexCaseNotifiedOn <= final.date) {
      if (facts.announcedAnswerDate && facts.announcedAnswerDate > final.date) {
        dueDate = facts.announcedAnswerDate;
        complexText = ` Dossier complexe annoncé le ${fr(facts.complexCaseNotifiedOn)} avec une réponse prévue le ${fr(dueDate)} : c'est cette date qui est retenue.`;
      } else {
        complexText = ` Dossier complexe annoncé le ${fr(facts.complexCaseNotifiedOn)} sans nouvelle date : le délai de ${param.words} reste la référence.`;
      }
      notes.push(
        `Un dossier complexe peut dépasser ${param.words} si l’adhérent en est informé avec le délai prévu ; la saisine du médiateur reste possible ${delayOn(PARAMETERS.mediationEarliestWithoutAnswer, start.date).words} après la réclamation écrite.`,
      );
    } else {
      complexText = ` L'annonce d'un dossier complexe le ${fr(facts.complexCaseNotifiedOn)} est arrivée après les ${param.words} : elle ne prolonge pas le délai.`;
    }
  }
  const status = actionStatus({ today, dueDate, doneOn: facts.answerReceivedOn });
  const outcomeWords = {
    accepted: 'acceptée',
    partial: 'partiellement acceptée',
    rejected: 'rejetée',
  } as const;

  let rule = `L'organisme doit répondre par écrit à votre réclamation ${startWords(start)} dans les ${param.words}, soit au plus tard le ${fr(final.date)}.${complexText}`;
  let action: string;
  if (status === 'met' || (status === 'missed' && facts.answerReceivedOn)) {
    const outcome = facts.answerOutcome ? ` (réclamation ${outcomeWords[facts.answerOutcome]})` : '';
    rule += ` Réponse du ${fr(facts.answerReceivedOn!)}${outcome}${status === 'met' ? ' : délai respecté.' : ', après le délai.'}`;
    action =
      facts.answerOutcome === 'accepted'
        ? "Vérifiez que l'organisme exécute ce qu'il a accepté ; sinon relancez-le puis saisissez le médiateur."
        : 'Si la réponse ne vous satisfait pas, vous pouvez saisir le médiateur (voir le délai de saisine).';
  } else if (status === 'missed') {
    rule += ` Aucune réponse au ${fr(dueDate)}.`;
    action = `Sans réponse après ${param.words}, vous pouvez saisir le médiateur compétent dès maintenant.`;
  } else {
    rule += ` À ce jour, ${remainingText(today, dueDate)}.`;
    action = `Attendez la réponse jusqu'au ${fr(dueDate)} ; sans réponse à cette date, vous pourrez saisir le médiateur.`;
  }
  return deadline(
    {
      id: 'complaint.answer',
      kind: 'deadline',
      title: 'Réponse à la réclamation',
      party: 'organisation',
      dueDate,
      status,
      doneOn: facts.answerReceivedOn,
      rolledOver: final.rolledOver,
      rule,
      source: `${param.source}. Le délai inclut le temps passé par l'interlocuteur habituel.`,
      action,
      computation: `Départ le ${fr(start.date)} (${start.basis === 'sending' ? 'envoi' : 'réception'}) ; délai en mois : il expire le jour du même quantième, ou le dernier jour du mois s'il n'existe pas (CPC art. 641) : ${fr(legalDue)}.${final.explanation}`,
      notes,
    },
    today,
  );
}

export function complaintDeadlines(ctx: RuleContext): Deadline[] {
  if (ctx.organisationType === 'cpam') return [];
  const start = complaintStart(ctx);
  if (!start) return [];
  return [acknowledgmentDeadline(ctx, start), answerDeadline(ctx, start)];
}
