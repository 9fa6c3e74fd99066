import type { Deadline, DeadlinesOutput, Facts } from '../deadlines/schema.ts';
import type { LetterType } from '../letters/schema.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';

/**
 * The escalation ladder of a dispute (seed 002: customer service → written complaint → reminder / formal notice →
 * mediator → consumer association / Défenseur des droits → court), with the conditions of each step checked
 * against the file's facts and its deadlines (computed by the deadline engine, never here) and explained when a
 * step is not open yet. For a CPAM decision the ladder goes through the commission de recours amiable first.
 */
export const STEP_IDS = [
  'customer_service',
  'written_complaint',
  'formal_notice',
  'mediator',
  'cra',
  'association_or_defenseur',
  'court',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** done: taken; open: may be taken now; not_yet: a condition is missing (see `why`); closed: too late or barred. */
export type StepStatus = 'done' | 'open' | 'not_yet' | 'closed';

export interface EscalationStep {
  id: StepId;
  title: string;
  status: StepStatus;
  /** Why the step has this status, in French, with the dates that decide it. */
  why: string;
  /** What to do now, in French. */
  action: string;
  opensOn: CalendarDate | null;
  closesOn: CalendarDate | null;
  source: string;
  /** The document Recours drafts for this step, when it is open (the court: requête or pôle social). */
  letterType?: LetterType | undefined;
}

export interface LadderInput {
  deadlines: DeadlinesOutput;
  facts: Facts;
  /** At least one contact (call, e-mail, visit) is logged with the organisation. */
  customerServiceContacted: boolean;
  /** A reminder or a formal notice was sent (from the file's letters), with its date. */
  formalNoticeSentOn?: CalendarDate | undefined;
  /** A consumer association or the Défenseur des droits was seized. */
  associationSeizedOn?: CalendarDate | undefined;
  /** The amount at stake, when known: up to 5 000 € a prior amicable attempt is required (CPC art. 750-1). */
  amountCents?: number | null | undefined;
}

/** CPC art. 750-1: claims up to 5 000 € need a prior attempt at conciliation, mediation or participatory procedure. */
export const AMICABLE_ATTEMPT_CEILING_CENTS = 5_000_00;

/** « Médiateur de la Mutualité Française (FNMF) » → « le Médiateur de la Mutualité Française ». */
export function mediatorWithArticle(name: string): string {
  const bare = name.replace(/\s*\([A-Z]{2,6}\)\s*$/, '').trim();
  if (/^(le|la|les|l’|l')\s?/i.test(bare)) return bare.charAt(0).toLowerCase() + bare.slice(1);
  if (/^médiat(eur|rice)\b/i.test(bare)) return `le ${bare}`;
  if (/^médiation\b/i.test(bare)) return `la ${bare}`;
  return `le médiateur ${bare}`;
}

const fr = formatFrenchDate;

const step = (s: EscalationStep) => s;

function find(output: DeadlinesOutput, id: Deadline['id']): Deadline | undefined {
  return output.deadlines.find((d) => d.id === id);
}

export function escalationLadder(input: LadderInput): EscalationStep[] {
  const { deadlines, facts } = input;
  const isCpam = deadlines.organisationType === 'cpam';
  const complaint = facts.complaintSentOn;
  const steps: EscalationStep[] = [customerService(input), writtenComplaint(input, isCpam)];
  steps.push(formalNotice(input, complaint, isCpam));
  if (isCpam) steps.push(cra(input));
  steps.push(mediator(input, isCpam));
  steps.push(associationOrDefenseur(input, isCpam));
  steps.push(court(input, isCpam));
  return steps;
}

function customerService({ customerServiceContacted, facts }: LadderInput): EscalationStep {
  // « Fait » only when the contact log says so (issue 16): the ladder and the log must agree.
  const done = customerServiceContacted;
  return step({
    id: 'customer_service',
    title: 'Contacter le service client',
    status: done ? 'done' : 'open',
    why: done
      ? 'Un premier contact avec l’organisme est noté dans le journal des contacts.'
      : facts.complaintSentOn
        ? `Aucun contact noté dans le journal ; votre réclamation écrite du ${fr(facts.complaintSentOn)} a pris le relais. Notez vos appels ou messages : ils prouvent vos démarches.`
        : 'Un appel ou un message au service client règle souvent le problème ; une réclamation orale compte déjà comme réclamation.',
    action: done
      ? 'Notez chaque échange (date, interlocuteur, réponse) dans le journal des contacts.'
      : 'Appelez ou écrivez au service client et notez la date, le nom de l’interlocuteur et la réponse.',
    opensOn: null,
    closesOn: null,
    source:
      'Recommandation ACPR 2024-R-02 (toute expression de mécontentement est une réclamation, même orale)',
  });
}

function writtenComplaint({ facts }: LadderInput, isCpam: boolean): EscalationStep {
  const sent = facts.complaintSentOn;
  return step({
    id: 'written_complaint',
    title: isCpam ? 'Écrire à la CPAM (réclamation)' : 'Envoyer une réclamation écrite',
    status: sent ? 'done' : 'open',
    why: sent
      ? `Réclamation écrite envoyée le ${fr(sent)}.`
      : 'Sans réclamation écrite préalable, le médiateur ne peut pas examiner le litige (C. consom. art. L612-2, 1°).',
    action: sent
      ? 'Gardez la preuve d’envoi ; l’organisme doit accuser réception puis répondre dans les délais affichés.'
      : 'Envoyez une réclamation écrite (de préférence en recommandé avec accusé de réception) exposant les faits et votre demande.',
    opensOn: null,
    closesOn: null,
    source: isCpam
      ? 'CSS art. L217-7-1 (démarche préalable)'
      : 'C. consom. art. L612-2 ; Recommandation ACPR 2024-R-02',
  });
}

function formalNotice(
  input: LadderInput,
  complaint: CalendarDate | undefined,
  isCpam: boolean,
): EscalationStep {
  const answer = find(input.deadlines, 'complaint.answer');
  const base = {
    id: 'formal_notice' as const,
    title: 'Relancer / mettre en demeure',
    opensOn: null,
    closesOn: null,
    source: 'C. civ. art. 1344 (mise en demeure) ; Recommandation ACPR 2024-R-02 (réponse sous 2 mois)',
  };
  if (input.formalNoticeSentOn) {
    return step({
      ...base,
      status: 'done',
      why: `Relance ou mise en demeure envoyée le ${fr(input.formalNoticeSentOn)}.`,
      action:
        'Attendez la réponse jusqu’à la date fixée dans votre courrier, puis passez à l’étape suivante.',
    });
  }
  if (!complaint) {
    return step({
      ...base,
      status: 'not_yet',
      why: 'Une relance suppose une réclamation écrite déjà envoyée.',
      action: 'Envoyez d’abord votre réclamation écrite.',
    });
  }
  const negative = input.facts.answerOutcome === 'rejected' || input.facts.answerOutcome === 'partial';
  const late = answer?.status === 'missed';
  return step({
    ...base,
    status: 'open',
    why: negative
      ? `Réponse ${input.facts.answerOutcome === 'partial' ? 'partielle' : 'négative'} reçue${input.facts.answerReceivedOn ? ` le ${fr(input.facts.answerReceivedOn)}` : ''} : une mise en demeure fixe un dernier délai avant ${isCpam ? 'la CRA' : 'le médiateur'}.`
      : late
        ? `Aucune réponse dans les 2 mois (échéance dépassée le ${answer?.dueDate ? fr(answer.dueDate) : '—'}) : une relance ou une mise en demeure s’impose.`
        : 'Vous pouvez relancer l’organisme à tout moment ; une mise en demeure est surtout utile après un refus ou un silence.',
    action:
      'Rédigez une relance ou une mise en demeure en rappelant votre réclamation et en fixant un délai de réponse.',
  });
}

function mediator(input: LadderInput, isCpam: boolean): EscalationStep {
  const window = find(input.deadlines, 'mediation.referral_window');
  const who = window?.mediator?.name
    ? mediatorWithArticle(window.mediator.name)
    : isCpam
      ? 'le médiateur de la CPAM'
      : 'le médiateur';
  const base = {
    id: 'mediator' as const,
    title: `Saisir ${who}`,
    opensOn: window?.opensOn ?? null,
    closesOn: window?.dueDate ?? null,
    source: isCpam ? 'CSS art. L217-7-1' : 'C. consom. art. L612-1 et L612-2',
  };
  if (input.facts.mediatorSeizedOn) {
    return step({
      ...base,
      status: 'done',
      why: `Médiateur saisi le ${fr(input.facts.mediatorSeizedOn)}.`,
      action:
        window?.action ??
        'Suivez la médiation : le médiateur doit se prononcer dans les 90 jours de sa notification.',
    });
  }
  if (input.facts.tribunalSeizedOn) {
    return step({
      ...base,
      status: 'closed',
      why: `Le tribunal est saisi depuis le ${fr(input.facts.tribunalSeizedOn)} : un litige porté devant un juge ne peut plus être examiné par le médiateur.`,
      action: 'Poursuivez devant le tribunal.',
      source: isCpam ? 'CSS art. L217-7-1' : 'C. consom. art. L612-2, 3°',
    });
  }
  if (!window) {
    return step({
      ...base,
      status: 'not_yet',
      why: isCpam
        ? 'Le médiateur de la CPAM suppose une démarche préalable auprès du service concerné.'
        : 'Le médiateur ne peut être saisi qu’après une réclamation écrite.',
      action: 'Envoyez d’abord votre réclamation écrite.',
    });
  }
  const status: StepStatus =
    window.status === 'open'
      ? 'open'
      : window.status === 'missed'
        ? 'closed'
        : window.status === 'met'
          ? 'done'
          : 'not_yet';
  return step({ ...base, status, why: window.rule, action: window.action });
}

function cra(input: LadderInput): EscalationStep {
  const referral = find(input.deadlines, 'cpam.cra_referral');
  const base = {
    id: 'cra' as const,
    title: 'Saisir la commission de recours amiable (CRA)',
    opensOn: null,
    closesOn: referral?.dueDate ?? null,
    source: 'CSS art. R142-1 ; service-public.fr F2500',
  };
  if (input.facts.craSeizedOn) {
    return step({
      ...base,
      status: 'done',
      why: `CRA saisie le ${fr(input.facts.craSeizedOn)}.`,
      action: referral?.action ?? '',
    });
  }
  if (!input.facts.cpamDecisionNotifiedOn || !referral) {
    return step({
      ...base,
      status: 'not_yet',
      why: 'La CRA se saisit contre une décision notifiée de la CPAM : indiquez la date de notification de la décision.',
      action: 'Retrouvez la notification de la décision (courrier ou compte ameli) et sa date.',
    });
  }
  const status: StepStatus =
    referral.status === 'missed' ? 'closed' : referral.status === 'met' ? 'done' : 'open';
  return step({ ...base, status, why: referral.rule, action: referral.action });
}

function associationOrDefenseur(input: LadderInput, isCpam: boolean): EscalationStep {
  const base = {
    id: 'association_or_defenseur' as const,
    title: isCpam ? 'Saisir le Défenseur des droits' : 'Se faire aider par une association de consommateurs',
    opensOn: null,
    closesOn: null,
    source: isCpam
      ? 'Service-public.fr F13158 (Défenseur des droits : démarches préalables requises ; ne suspend pas les délais)'
      : 'C. consom. art. L811-1 (associations agréées de défense des consommateurs)',
  };
  if (input.associationSeizedOn) {
    return step({
      ...base,
      status: 'done',
      why: `Saisi le ${fr(input.associationSeizedOn)}.`,
      action: 'Suivez leurs conseils, sans laisser passer vos délais.',
    });
  }
  const prior = isCpam
    ? (input.facts.craSeizedOn ?? input.facts.complaintSentOn)
    : input.facts.complaintSentOn;
  if (!prior) {
    return step({
      ...base,
      status: 'not_yet',
      why: isCpam
        ? 'Le Défenseur des droits demande que les démarches habituelles auprès de la CPAM aient été faites.'
        : 'Une association vous aidera mieux avec une réclamation écrite déjà envoyée et la réponse reçue.',
      action: 'Envoyez d’abord votre réclamation écrite.',
    });
  }
  return step({
    ...base,
    status: 'open',
    why: isCpam
      ? 'Les démarches préalables sont faites. Attention : saisir le Défenseur des droits ne suspend ni les délais de recours ni la prescription.'
      : 'Une association agréée peut vous conseiller et intervenir auprès de l’organisme.',
    action: isCpam
      ? 'Saisissez le Défenseur des droits (formulaire en ligne ou délégué local) en parallèle de vos recours.'
      : 'Contactez une association agréée de consommateurs près de chez vous.',
  });
}

function court(input: LadderInput, isCpam: boolean): EscalationStep {
  if (isCpam) {
    const tribunal = find(input.deadlines, 'cpam.tribunal_referral');
    const base = {
      id: 'court' as const,
      title: 'Saisir le pôle social du tribunal judiciaire',
      opensOn: tribunal?.opensOn ?? null,
      closesOn: tribunal?.dueDate ?? null,
      source: 'CSS art. R142-1 et R142-6 ; CPC art. 642',
    };
    if (input.facts.tribunalSeizedOn) {
      return step({
        ...base,
        status: 'done',
        why: `Tribunal saisi le ${fr(input.facts.tribunalSeizedOn)}.`,
        action: 'Suivez la procédure.',
      });
    }
    if (!tribunal || tribunal.status === 'not_applicable_yet') {
      return step({
        ...base,
        status: 'not_yet',
        why:
          tribunal?.rule ??
          'Le tribunal ne peut être saisi qu’après la décision de la CRA (ou son silence pendant 2 mois) : la CRA est un passage obligé.',
        action: tribunal?.action ?? 'Saisissez d’abord la commission de recours amiable.',
      });
    }
    const status: StepStatus = tribunal.status === 'missed' ? 'closed' : 'open';
    return step({
      ...base,
      status,
      why: tribunal.rule,
      // The pôle social needs no lawyer (CASF art. L134-4); legal aid is asked from the court's office.
      action: `${tribunal.action} L’avocat n’est pas obligatoire devant le pôle social : vous pouvez vous défendre vous-même ou vous faire assister par un proche ou une association (CASF art. L134-4). Si vos ressources sont modestes, demandez l’aide juridictionnelle au bureau d’aide juridictionnelle du tribunal judiciaire.`,
      ...(status === 'open' ? { letterType: 'saisine_pole_social' as const } : {}),
    });
  }
  const prescription = find(input.deadlines, 'prescription.benefits');
  const base = {
    id: 'court' as const,
    title: 'Saisir le tribunal judiciaire',
    opensOn: null,
    closesOn: prescription?.dueDate ?? null,
    source:
      'C. mutualité art. L221-11 / C. assurances art. L114-1 (prescription biennale) ; CPC art. 750-1 (tentative amiable préalable jusqu’à 5 000 €)',
  };
  if (input.facts.tribunalSeizedOn) {
    return step({
      ...base,
      status: 'done',
      why: `Tribunal saisi le ${fr(input.facts.tribunalSeizedOn)}.`,
      action: 'Suivez la procédure.',
    });
  }
  if (prescription?.status === 'missed') {
    return step({ ...base, status: 'closed', why: prescription.rule, action: prescription.action });
  }
  if (!input.facts.complaintSentOn) {
    return step({
      ...base,
      status: 'not_yet',
      why: 'Le juge attend qu’une solution amiable ait été tentée : réclamation écrite, puis médiation.',
      action: 'Commencez par la réclamation écrite.',
    });
  }
  const before = prescription?.dueDate
    ? ` ; à engager avant la prescription, le ${fr(prescription.dueDate)}`
    : '';
  const amount = input.amountCents ?? null;
  const small = amount === null || amount <= AMICABLE_ATTEMPT_CEILING_CENTS;
  const mediationTried = Boolean(
    input.facts.mediatorSeizedOn || input.facts.mediationEndedOn || input.facts.mediationRejectedOn,
  );
  const window = find(input.deadlines, 'mediation.referral_window');
  const mediationStillPossible = window !== undefined && window.status !== 'missed';
  // CPC 750-1: up to 5 000 € the judge declares a claim inadmissible without a prior amicable attempt (the
  // consumer mediation counts). While mediation is the expected step, the court is not « possible maintenant ».
  if (small && !mediationTried && mediationStillPossible) {
    return step({
      ...base,
      status: 'not_yet',
      why: `${amount === null ? 'Montant non indiqué : si le litige ne dépasse pas 5 000 €, ' : 'Pour un litige de 5 000 € au plus, '}le juge déclare la demande irrecevable sans tentative préalable de résolution amiable (CPC art. 750-1) ; la saisine du médiateur en tient lieu${before}.`,
      action: 'Saisissez d’abord le médiateur ; si la médiation échoue, le tribunal pourra être saisi.',
    });
  }
  // CPC art. 750: the requête (the document Recours drafts) is open up to 5 000 €; above, an assignation.
  const requete = amount !== null && amount <= AMICABLE_ATTEMPT_CEILING_CENTS;
  return step({
    ...base,
    status: 'open',
    ...(requete ? { letterType: 'requete_tribunal' as const } : {}),
    why: `Dernier recours, après la tentative amiable${mediationTried ? ' (médiation engagée)' : ''}${before}.${small ? ' La tentative amiable préalable exigée jusqu’à 5 000 € (CPC art. 750-1) est à joindre à la requête.' : ' Au-delà de 5 000 €, la tentative amiable préalable n’est pas exigée par l’article 750-1 du CPC.'}`,
    action: `${requete ? 'Jusqu’à 5 000 €, le tribunal se saisit par requête, sans avocat (CPC art. 750 et 761) : Recours la rédige à partir du dossier. ' : amount !== null && amount <= 10_000_00 ? 'Entre 5 000 et 10 000 €, l’avocat n’est pas obligatoire (CPC art. 761), mais le tribunal se saisit par assignation délivrée par un commissaire de justice (CPC art. 750). ' : 'Au-delà de 10 000 €, l’avocat est en principe obligatoire (CPC art. 760 et 761). '}Si vos ressources sont modestes, demandez l’aide juridictionnelle au bureau d’aide juridictionnelle du tribunal judiciaire (service-public.fr, « Aide juridictionnelle »). Gardez toutes vos pièces.`,
  });
}
