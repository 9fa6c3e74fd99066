import type { DecisionOutcome } from '../../contracts/decision-outcomes.ts';
import type { Deadline } from '../deadlines/schema.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import {
  engineDeadlines,
  TRIAGE_DEADLINE_IDS,
  type TriageDatedFacts,
  type TriageDeadlineId,
  type TriageOrganisationType,
} from './deadlines.ts';
import { type Category, type NextStep, type Organisation, type Stage, stageRank } from './labels.ts';

/**
 * The next step of a dispute, where the law gives the answer. Pure: the caller passes today's date.
 * This module holds the decision table (which step, and why); every date it shows — when a step opens, when it
 * closes — comes from the deadline engine (src/domain/deadlines/engine.ts, through ./deadlines.ts), the one
 * source of legal delays. Sources are listed in docs/sources.md.
 */

export interface NextStepInput {
  category: Category;
  organisation: Organisation;
  stage: Stage;
  today: CalendarDate;
  /** When the written complaint (for the CPAM: the recourse to the CRA) was sent, if known. */
  complaintSentOn?: CalendarDate | null;
  /** When the CPAM notified its decision, if known. */
  decisionNotifiedOn?: CalendarDate | null;
  /** The professional already answered the written complaint negatively. */
  negativeAnswer?: boolean;
  /** The member already referred the decision to the CPAM's commission de recours amiable. */
  craReferred?: boolean;
  /** When the answer to the written complaint (for the CPAM: the CRA's decision) was received, if known. */
  answerReceivedOn?: CalendarDate | null;
  /** The sense of that answer, when the member said it. */
  answerOutcome?: DecisionOutcome | null;
  /** When a termination request was sent, if known. */
  terminationRequestSentOn?: CalendarDate | null;
}

export interface NextStepAdvice {
  step: NextStep;
  /** French label of the step when it differs from the step's usual one (« Relancer par écrit et attendre »). */
  label?: string;
  /** Which row of the table fired (stable id, for tests and evidence). */
  rule: string;
  /** French explanation shown to the member. */
  reason: string;
  sources: string[];
  /** When the step cannot be taken yet: the first day it can (null = now, or unknown). From the engine. */
  opensOn: CalendarDate | null;
  /** The last day the step can be taken, when the law sets one and the dates are known. From the engine. */
  closesOn: CalendarDate | null;
  warnings: string[];
  /** The engine's deadlines that apply to this dispute (TRIAGE_DEADLINE_IDS), in the engine's order. */
  deadlines: Deadline[];
}

const CPAM_DECISION_CATEGORIES: ReadonlySet<Category> = new Set([
  'reimbursement_contested',
  'coverage_interpretation',
  'cpam_decision',
]);

const fr = formatFrenchDate;

export function isCpamDecision(category: Category, organisation: Organisation): boolean {
  return category === 'cpam_decision' || (organisation === 'cpam' && CPAM_DECISION_CATEGORIES.has(category));
}

/**
 * The engine's organisation type. An organisation the text does not name is read as a mutuelle: the complaint
 * and mediation periods (ACPR 2024-R-02, C. consom. L612-2) are the same for a mutuelle, an insurer and an
 * institution de prévoyance; only the mediator differs, and the reason then names it generically.
 */
export function organisationTypeOf(category: Category, organisation: Organisation): TriageOrganisationType {
  if (isCpamDecision(category, organisation) || organisation === 'cpam') return 'cpam';
  return organisation === 'insurer' ? 'insurer' : 'mutuelle';
}

const negativeOutcome = (input: NextStepInput) =>
  input.answerOutcome ? input.answerOutcome !== 'accepted' : (input.negativeAnswer ?? false);

/** What the engine is told, row by row of the table: the same dates mean different facts for the CPAM. */
function engineFactsOf(input: NextStepInput, type: TriageOrganisationType): TriageDatedFacts {
  const sent = input.complaintSentOn ?? undefined;
  const answerOn = input.answerReceivedOn ?? undefined;
  if (input.category === 'care_refused') return {};
  if (type === 'cpam' && isCpamDecision(input.category, input.organisation)) {
    const cra = input.craReferred ?? false;
    return {
      cpamDecisionNotifiedOn: input.decisionNotifiedOn ?? undefined,
      // The text gives the sending of the recourse; the engine wants its receipt by the CRA. The sending date is
      // earlier, so the implicit rejection and the tribunal deadline come out earlier: the safe side.
      craSeizedOn: cra ? sent : undefined,
      craDecisionNotifiedOn: cra && answerOn && negativeOutcome(input) ? answerOn : undefined,
    };
  }
  return {
    complaintSentOn: sent,
    answerReceivedOn: answerOn,
    answerOutcome: input.answerOutcome ?? (answerOn && input.negativeAnswer ? 'rejected' : undefined),
    terminationRequestSentOn: input.terminationRequestSentOn ?? undefined,
  };
}

/** The facts as the member knows them (never the engine's field names, which are not for users). */
const DROPPED_NAMES: Record<keyof TriageDatedFacts, string> = {
  complaintSentOn: "date d'envoi de la réclamation",
  answerReceivedOn: 'date de la réponse',
  answerOutcome: 'sens de la réponse',
  cpamDecisionNotifiedOn: 'date de la décision de la CPAM',
  craSeizedOn: 'date du recours à la commission de recours amiable',
  craDecisionNotifiedOn: 'date de la décision de la commission',
  terminationRequestSentOn: "date d'envoi de la demande de résiliation",
};

/** The engine's deadlines for this dispute, without those a known fact contradicts. */
export function triageDeadlinesOf(input: NextStepInput): { deadlines: Deadline[]; warnings: string[] } {
  const type = organisationTypeOf(input.category, input.organisation);
  const facts = engineFactsOf(input, type);
  const { deadlines, dropped } = engineDeadlines(type, input.today, facts);
  const cpamDecision = isCpamDecision(input.category, input.organisation);
  const negative = negativeOutcome(input);
  const answerDated = Boolean(input.answerReceivedOn);
  const keep = deadlines.filter((d) => {
    if (!(TRIAGE_DEADLINE_IDS as ReadonlyArray<string>).includes(d.id)) return false;
    const id = d.id as TriageDeadlineId;
    // The CPAM mediator is not the road for a CPAM decision: the CRA is (CSS R142-1).
    if (cpamDecision && id === 'mediation.referral_window') return false;
    // An answer is known but not its date: the engine's "no answer yet" reading would contradict the member.
    if (negative && !answerDated) {
      if (!cpamDecision && id === 'complaint.answer') return false;
      if (
        cpamDecision &&
        input.craReferred &&
        (id === 'cpam.cra_decision' || id === 'cpam.tribunal_referral')
      )
        return false;
    }
    return true;
  });
  const warnings: string[] = [];
  if (dropped.length > 0) {
    warnings.push(
      `Certaines dates lues dans votre message semblent incohérentes (${dropped.map((k) => DROPPED_NAMES[k]).join(', ')}) : elles n'ont pas servi au calcul des délais. Vérifiez-les.`,
    );
  }
  if (input.organisation === 'unknown' && type !== 'cpam' && keep.length > 0) {
    warnings.push(
      "Organisme non précisé : les délais sont calculés comme pour une mutuelle (ils sont les mêmes pour un assureur ou une institution de prévoyance ; seul le médiateur change). Précisez l'organisme pour connaître le bon médiateur.",
    );
  }
  if (negative && !answerDated && !cpamDecision && keep.some((d) => d.id === 'mediation.referral_window')) {
    warnings.push(
      "Vous indiquez une réponse négative : le médiateur peut être saisi dès sa réception. Indiquez la date de cette réponse pour que les délais en tiennent compte ; la date d'ouverture affichée est celle qui vaut sans réponse.",
    );
  }
  return { deadlines: keep, warnings };
}

const byId = (deadlines: ReadonlyArray<Deadline>, id: TriageDeadlineId) => deadlines.find((d) => d.id === id);

export function nextStep(input: NextStepInput): NextStepAdvice {
  const { deadlines, warnings } = triageDeadlinesOf(input);
  const advice = (
    step: NextStep,
    rule: string,
    reason: string,
    sources: string[],
    dates: { opensOn?: CalendarDate | null; closesOn?: CalendarDate | null; label?: string } = {},
    extraWarnings: string[] = [],
  ): NextStepAdvice => ({
    step,
    ...(dates.label ? { label: dates.label } : {}),
    rule,
    reason,
    sources,
    opensOn: dates.opensOn ?? null,
    closesOn: dates.closesOn ?? null,
    warnings: [...extraWarnings, ...warnings],
    deadlines,
  });
  const { category, organisation, stage } = input;

  if (stage === 'court') {
    return advice(
      'court',
      'court.already',
      "Une procédure judiciaire est déjà engagée : elle se poursuit devant le juge. Un médiateur ne peut plus examiner le litige pendant l'instance.",
      ['C. consom. L612-2 3°'],
    );
  }

  // --- Decisions of the Assurance maladie: the CRA first, then the pôle social (CSS R142-1, R142-6).
  if (isCpamDecision(category, organisation)) return cpamDecisionStep(input, deadlines, advice);

  // --- Refusal of care by a health professional: the CPAM mediator handles discriminatory refusals of care.
  if (category === 'care_refused') {
    if (stage === 'mediation') {
      return advice(
        'association_or_defenseur_des_droits',
        'care_refused.after_mediator',
        "Le conciliateur (médiateur) de l'Assurance maladie a déjà été saisi : pour un refus de soins discriminatoire, le Défenseur des droits peut être saisi gratuitement ; une association d'usagers peut vous accompagner. Attention, cette saisine ne suspend pas les délais pour agir en justice.",
        ['Défenseur des droits, service-public F13158'],
      );
    }
    return advice(
      'mediator',
      'care_refused.cpam_mediator',
      "Un refus de soins discriminatoire (par exemple parce que vous bénéficiez de la C2S ou de l'AME) se signale au médiateur (conciliateur) de votre CPAM, gratuitement, par votre compte ameli ou par courrier. Gardez les preuves du refus (SMS, courriel, nom du praticien, date).",
      ['Médiateur de la CPAM, service-public F20849'],
    );
  }

  // --- Other disputes with the CPAM (reception, rights, delays): prior approach, then the CPAM mediator.
  if (organisation === 'cpam') {
    if (stage === 'none') {
      return advice(
        'contact_customer_service',
        'cpam.contact',
        "Commencez par contacter votre CPAM (compte ameli, 3646 ou accueil) : le médiateur de l'Assurance maladie ne peut être saisi qu'après une démarche préalable auprès du service concerné.",
        ['CSS L217-7-1'],
      );
    }
    if (stage === 'customer_service_contacted') {
      return advice(
        'written_complaint',
        'cpam.write',
        'Faites une réclamation écrite (messagerie du compte ameli ou courrier) : elle date votre démarche et ouvre ensuite la saisine du médiateur de la CPAM si elle reste sans suite.',
        ['CSS L217-7-1'],
      );
    }
    if (stage === 'written_complaint_sent' || stage === 'reminder_unanswered') {
      const window = byId(deadlines, 'mediation.referral_window');
      return advice(
        'mediator',
        'cpam.mediator',
        "Votre réclamation écrite n'a pas abouti : vous pouvez saisir le médiateur de votre CPAM, gratuitement (compte ameli ou courrier). Sa saisine suspend les délais de recours jusqu'à ses recommandations.",
        ['CSS L217-7-1 ; service-public F20849'],
        { opensOn: window?.status === 'not_applicable_yet' ? window.opensOn : null },
      );
    }
    return advice(
      'association_or_defenseur_des_droits',
      'cpam.defenseur',
      "Le médiateur de la CPAM a déjà été saisi : le Défenseur des droits traite gratuitement les dysfonctionnements d'un service public comme la CPAM, une fois les démarches habituelles faites. Il ne suspend pas les délais de recours en justice.",
      ['Défenseur des droits, service-public F13158'],
    );
  }

  // --- Complementary health cover (mutuelle, insurer, or not said).
  if (stage === 'none') {
    if (category === 'termination') {
      return advice(
        'written_complaint',
        'termination.write',
        "Pour une résiliation, tout se joue sur la preuve écrite : envoyez votre demande (ou votre réclamation) par lettre recommandée, courriel ou l'espace adhérent, et gardez la preuve de la date. Après un an de contrat, la résiliation prend effet un mois après sa réception.",
        ['Code de la mutualité L221-10-2', 'ACPR 2024-R-02'],
      );
    }
    return advice(
      'contact_customer_service',
      'complementary.contact',
      "Commencez par le service client (téléphone, espace adhérent) : une réclamation orale compte déjà et beaucoup d'erreurs se règlent ainsi. Si la réponse ne vous satisfait pas tout de suite, passez à l'écrit.",
      ['ACPR 2024-R-02 : réclamation orale, puis écrite'],
    );
  }
  if (stage === 'customer_service_contacted') {
    return advice(
      'written_complaint',
      'complementary.write',
      "Le service client ne vous a pas donné satisfaction : envoyez une réclamation écrite (courrier, courriel ou formulaire, avec copie datée). Elle est indispensable avant toute médiation, et l'organisme doit en accuser réception sous 10 jours ouvrables et répondre sous 2 mois.",
      ['C. consom. L612-2 1°', 'ACPR 2024-R-02'],
    );
  }
  if (stage === 'mediation') {
    return advice(
      'court',
      'complementary.after_mediation',
      "La médiation est en cours ou terminée : vous êtes libre de refuser la proposition du médiateur, et le juge reste ouvert. La médiation suspend la prescription (2 ans) jusqu'à sa fin, puis il reste au moins 6 mois pour agir.",
      ['C. consom. R612-3 / R612-4', 'C. civ. 2238'],
    );
  }

  // written_complaint_sent or reminder_unanswered
  if (category === 'termination' && stage === 'written_complaint_sent') {
    return advice(
      'formal_notice',
      'termination.formal_notice',
      "Votre demande écrite n'a pas été prise en compte : adressez une mise en demeure par lettre recommandée, qui rappelle la date de votre demande, la date d'effet légale (un mois après réception, après un an de contrat) et exige l'arrêt des prélèvements et le remboursement des cotisations prélevées depuis. Elle vaut réclamation écrite pour une médiation ultérieure.",
      ['Code de la mutualité L221-10-2', 'C. consom. L612-2 1°'],
    );
  }
  const window = byId(deadlines, 'mediation.referral_window');
  const answer = byId(deadlines, 'complaint.answer');
  const sent = input.complaintSentOn ?? null;
  if (window?.status === 'missed') {
    return advice(
      'court',
      'complementary.mediation_too_late',
      `Votre réclamation écrite date du ${fr(sent ?? window.dueDate!)}, il y a plus d'un an : le médiateur ne peut plus être saisi depuis le ${fr(window.dueDate!)}. Reste le juge ; vérifiez la prescription de 2 ans.`,
      [window.source, 'Code de la mutualité L221-11 ; C. assurances L114-1'],
    );
  }
  const mediatorName =
    organisation === 'insurer'
      ? "La Médiation de l'Assurance"
      : organisation === 'mutuelle'
        ? 'le Médiateur de la Mutualité Française (ou celui que désigne votre mutuelle)'
        : "le médiateur indiqué par votre organisme (Mutualité Française, Médiation de l'Assurance ou CTIP)";
  const until = window?.dueDate
    ? ` jusqu'au ${fr(window.dueDate)}`
    : " dans l'année qui suit votre réclamation";
  if (negativeOutcome(input)) {
    return advice(
      'mediator',
      'complementary.mediator_after_refusal',
      `Votre réclamation écrite a reçu une réponse négative : vous pouvez saisir ${mediatorName}, gratuitement,${until}.`,
      [window?.source ?? 'C. consom. L612-2', 'C. consom. L612-1, L612-2, R612-1'],
      { closesOn: window?.dueDate ?? null },
    );
  }
  if (!window) {
    // Date unknown. A written complaint and a reminder left unanswered usually mean months have passed; a single
    // letter may be days old: a premature referral is rejected by the mediator (L612-2 1°), so the safer step
    // is a written reminder, and the question of the date is asked.
    if (stage === 'reminder_unanswered') {
      return advice(
        'mediator',
        'complementary.mediator_date_unknown',
        `Votre réclamation écrite et votre relance sont restées sans réponse satisfaisante : si la réclamation date de plus de 2 mois, vous pouvez saisir ${mediatorName}, gratuitement et au plus tard un an après elle. Indiquez-nous sa date d'envoi pour vérifier ces dates.`,
        ['ACPR 2024-R-02', 'C. consom. L612-2'],
      );
    }
    return advice(
      'written_complaint',
      'complementary.remind_date_unknown',
      `Le médiateur ne peut être saisi qu'après une réponse négative à votre réclamation écrite, ou 2 mois sans réponse : avant, il la déclarerait irrecevable. Indiquez-nous la date d'envoi de votre réclamation ; en attendant, une relance écrite (courrier recommandé) garde la preuve de votre démarche.`,
      ['C. consom. L612-2 1°', 'ACPR 2024-R-02'],
      { label: 'Relancer par écrit et attendre la réponse' },
    );
  }
  if (window.status === 'not_applicable_yet' && window.opensOn) {
    const answerBy = answer?.dueDate ? ` d'ici le ${fr(answer.dueDate)}` : ' dans les 2 mois';
    return advice(
      'written_complaint',
      'complementary.mediator_wait',
      `Votre réclamation écrite${sent ? ` du ${fr(sent)}` : ''} doit recevoir une réponse${answerBy}. Sans réponse satisfaisante, vous pourrez saisir ${mediatorName} à partir du ${fr(window.opensOn)} (ou dès une réponse négative), et au plus tard le ${fr(window.dueDate!)}. D'ici là, une relance écrite est utile ; le médiateur saisi trop tôt refuserait le dossier.`,
      [window.source, answer?.source ?? 'ACPR 2024-R-02 : réponse sous 2 mois'],
      {
        opensOn: window.opensOn,
        closesOn: window.dueDate,
        label: 'Relancer par écrit et attendre la réponse',
      },
    );
  }
  return advice(
    'mediator',
    'complementary.mediator_open',
    `Votre réclamation écrite${sent ? ` du ${fr(sent)}` : ''} est restée plus de 2 mois sans réponse satisfaisante : vous pouvez saisir ${mediatorName}, gratuitement, jusqu'au ${fr(window.dueDate!)}.`,
    [window.source],
    { closesOn: window.dueDate },
  );
}

type AdviceOf = (
  step: NextStep,
  rule: string,
  reason: string,
  sources: string[],
  dates?: { opensOn?: CalendarDate | null; closesOn?: CalendarDate | null; label?: string },
  extraWarnings?: string[],
) => NextStepAdvice;

function cpamDecisionStep(input: NextStepInput, deadlines: Deadline[], advice: AdviceOf): NextStepAdvice {
  const { stage } = input;
  const warnings: string[] = [];
  const referral = byId(deadlines, 'cpam.cra_referral');
  const decision = byId(deadlines, 'cpam.cra_decision');
  const tribunal = byId(deadlines, 'cpam.tribunal_referral');
  const craReferred = input.craReferred ?? false;
  if (referral?.status === 'missed' && !craReferred) {
    warnings.push(
      `La décision date du ${fr(input.decisionNotifiedOn!)} : le délai de 2 mois pour saisir la CRA semble dépassé depuis le ${fr(referral.dueDate!)}. Il ne vous est opposable que si la notification mentionnait ce délai et les voies de recours (CSS R142-1-A III).`,
    );
  }
  const medical =
    "S'il s'agit d'une question médicale (avis du médecin conseil, consolidation, taux d'incapacité), la contestation va à la commission médicale de recours amiable (CMRA).";
  const cra = 'CSS R142-1-A';

  if (craReferred && stageRank(stage) >= stageRank('written_complaint_sent')) {
    if (negativeOutcome(input) || stage === 'reminder_unanswered' || stage === 'mediation') {
      const until = tribunal?.dueDate ? `, au plus tard le ${fr(tribunal.dueDate)}` : ' dans les 2 mois';
      return advice(
        'court',
        'cpam.court_after_cra',
        `La commission de recours amiable a rejeté votre recours, ou n'a pas répondu dans les 2 mois (rejet implicite) : vous pouvez saisir le pôle social du tribunal judiciaire${until}.`,
        [tribunal?.source ?? 'CSS R142-6', cra],
        { closesOn: tribunal?.dueDate ?? null },
        warnings,
      );
    }
    if (!tribunal || !decision) {
      return advice(
        'cpam_cra',
        'cpam.cra_pending_date_unknown',
        "Après votre recours à la commission de recours amiable : sans réponse 2 mois après sa réception, c'est un rejet implicite, et le pôle social du tribunal judiciaire peut être saisi dans les 2 mois. Indiquez-nous la date de votre recours pour calculer ces dates.",
        ['CSS R142-6', cra],
        { label: 'Attendre la décision de la commission de recours amiable (CRA)' },
        warnings,
      );
    }
    const seized = input.complaintSentOn!;
    const open = tribunal.status !== 'not_applicable_yet';
    return advice(
      open ? 'court' : 'cpam_cra',
      open ? 'cpam.court_after_implicit_rejection' : 'cpam.court_wait_cra',
      open
        ? `Votre recours à la commission de recours amiable du ${fr(seized)} est resté sans réponse au ${fr(decision.dueDate!)} : c'est un rejet implicite. Vous pouvez saisir le pôle social du tribunal judiciaire jusqu'au ${fr(tribunal.dueDate!)}.`
        : `La commission de recours amiable a 2 mois pour répondre à votre recours du ${fr(seized)}, soit jusqu'au ${fr(decision.dueDate!)}. Sans réponse à cette date, c'est un rejet implicite, et le pôle social du tribunal judiciaire pourra être saisi du ${fr(tribunal.opensOn!)} au ${fr(tribunal.dueDate!)}.`,
      [decision.source, tribunal.source],
      {
        opensOn: open ? null : tribunal.opensOn,
        closesOn: tribunal.dueDate,
        ...(open ? {} : { label: 'Attendre la décision de la commission de recours amiable (CRA)' }),
      },
      warnings,
    );
  }
  if (stage === 'mediation') {
    return advice(
      'cpam_cra',
      'cpam.cra_after_mediator',
      `Le médiateur de la CPAM suspend les délais de recours, mais ne remplace pas la commission de recours amiable, obligatoire avant tout recours au juge : saisissez-la par écrit si ce n'est pas fait. ${medical}`,
      ['CSS L217-7-1 ; CSS R142-1'],
      { closesOn: referral?.dueDate ?? null },
      warnings,
    );
  }
  const by =
    referral?.dueDate && referral.status !== 'missed' ? `, soit au plus tard le ${fr(referral.dueDate)}` : '';
  return advice(
    'cpam_cra',
    'cpam.cra',
    `Une décision de la CPAM se conteste d'abord devant sa commission de recours amiable (CRA), par écrit, dans les 2 mois de sa notification${by} ; c'est obligatoire avant le tribunal. ${medical}`,
    [referral?.source ?? 'CSS R142-1'],
    { closesOn: referral?.dueDate ?? null },
    warnings,
  );
}
