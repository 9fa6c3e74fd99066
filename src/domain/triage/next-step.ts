import { addMonths, type CalendarDate, compareDates, formatFrenchDate } from '../shared/calendar-date.ts';
import { type Category, type NextStep, type Organisation, type Stage, stageRank } from './labels.ts';

/**
 * The next step of a dispute, where the law gives the answer. Pure: the caller passes today's date.
 * Sources are the sections of /work/shared/domain/reference.md (§1 ACPR, §2 mediation, §3 recourse channels);
 * delays are dated parameters, never literals in the rules.
 */

interface DatedParameter {
  value: number;
  from: CalendarDate;
  source: string;
}

/** Dated delays, in months. The value in force is the one whose `from` is the latest on or before the date asked. */
export const DELAYS = {
  /** Mediation opens after a written complaint with a negative answer, or after 2 months without answer. */
  mediationAfterComplaint: [
    {
      value: 2,
      from: '2022-12-31',
      source: 'ACPR 2022-R-01 puis 2024-R-02 ; Médiateur de la Mutualité (reference.md §1, §3)',
    },
  ],
  /** A referral more than one year after the written complaint is inadmissible. */
  mediationLimitAfterComplaint: [
    { value: 12, from: '2016-01-01', source: 'C. consom. L612-2 (reference.md §2)' },
  ],
  /** Refer a CPAM decision to the CRA within 2 months of its notification. */
  craReferral: [{ value: 2, from: '2019-01-01', source: 'CSS R142-1 (reference.md §3)' }],
  /** CRA silence is an implicit rejection: 1 month until 2018, 2 months since décret 2018-928. */
  craImplicitRejection: [
    { value: 1, from: '1985-01-01', source: 'CSS R142-6 ancienne rédaction (reference.md §3)' },
    { value: 2, from: '2019-01-01', source: 'CSS R142-6, décret 2018-928 (reference.md §3)' },
  ],
} satisfies Record<string, ReadonlyArray<DatedParameter>>;

export function parameterOn(table: ReadonlyArray<DatedParameter>, date: CalendarDate): DatedParameter {
  const inForce = [...table]
    .filter((p) => compareDates(p.from, date) <= 0)
    .sort((a, b) => compareDates(b.from, a.from));
  return inForce[0] ?? table[0]!;
}

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
}

export interface NextStepAdvice {
  step: NextStep;
  /** Which row of the table fired (stable id, for tests and evidence). */
  rule: string;
  /** French explanation shown to the member. */
  reason: string;
  sources: string[];
  /** When the step cannot be taken yet: the first day it can (null = now, or unknown). */
  opensOn: CalendarDate | null;
  warnings: string[];
}

const CPAM_DECISION_CATEGORIES: ReadonlySet<Category> = new Set([
  'reimbursement_contested',
  'coverage_interpretation',
  'cpam_decision',
]);

const advice = (
  step: NextStep,
  rule: string,
  reason: string,
  sources: string[],
  opensOn: CalendarDate | null = null,
  warnings: string[] = [],
): NextStepAdvice => ({
  step,
  rule,
  reason,
  sources,
  opensOn,
  warnings,
});

export function nextStep(input: NextStepInput): NextStepAdvice {
  const { category, organisation, stage, today } = input;
  const sent = input.complaintSentOn ?? null;

  if (stage === 'court') {
    return advice(
      'court',
      'court.already',
      "Une procédure judiciaire est déjà engagée : elle se poursuit devant le juge. Un médiateur ne peut plus examiner le litige pendant l'instance.",
      ['C. consom. L612-2 3° (reference.md §2)'],
    );
  }

  // --- Decisions of the Assurance maladie: the CRA first, then the pôle social (CSS R142-1, R142-6).
  const cpamDecision =
    category === 'cpam_decision' || (organisation === 'cpam' && CPAM_DECISION_CATEGORIES.has(category));
  if (cpamDecision) return cpamDecisionStep(input);

  // --- Refusal of care by a health professional: the CPAM mediator handles discriminatory refusals of care.
  if (category === 'care_refused') {
    if (stage === 'mediation') {
      return advice(
        'association_or_defenseur_des_droits',
        'care_refused.after_mediator',
        "Le conciliateur (médiateur) de l'Assurance maladie a déjà été saisi : pour un refus de soins discriminatoire, le Défenseur des droits peut être saisi gratuitement ; une association d'usagers peut vous accompagner. Attention, cette saisine ne suspend pas les délais pour agir en justice.",
        ['Défenseur des droits, service-public F13158 (reference.md §3)'],
      );
    }
    return advice(
      'mediator',
      'care_refused.cpam_mediator',
      "Un refus de soins discriminatoire (par exemple parce que vous bénéficiez de la C2S ou de l'AME) se signale au médiateur (conciliateur) de votre CPAM, gratuitement, par votre compte ameli ou par courrier. Gardez les preuves du refus (SMS, courriel, nom du praticien, date).",
      ['Médiateur de la CPAM, service-public F20849 (reference.md §3)'],
    );
  }

  // --- Other disputes with the CPAM (reception, rights, delays): prior approach, then the CPAM mediator.
  if (organisation === 'cpam') {
    if (stage === 'none') {
      return advice(
        'contact_customer_service',
        'cpam.contact',
        "Commencez par contacter votre CPAM (compte ameli, 3646 ou accueil) : le médiateur de l'Assurance maladie ne peut être saisi qu'après une démarche préalable auprès du service concerné.",
        ['CSS L217-7-1 (reference.md §3)'],
      );
    }
    if (stage === 'customer_service_contacted') {
      return advice(
        'written_complaint',
        'cpam.write',
        'Faites une réclamation écrite (messagerie du compte ameli ou courrier) : elle date votre démarche et ouvre ensuite la saisine du médiateur de la CPAM si elle reste sans suite.',
        ['CSS L217-7-1 (reference.md §3)'],
      );
    }
    if (stage === 'written_complaint_sent' || stage === 'reminder_unanswered') {
      return advice(
        'mediator',
        'cpam.mediator',
        "Votre réclamation écrite n'a pas abouti : vous pouvez saisir le médiateur de votre CPAM, gratuitement (compte ameli ou courrier). Sa saisine suspend les délais de recours jusqu'à ses recommandations.",
        ['CSS L217-7-1 ; service-public F20849 (reference.md §3)'],
      );
    }
    return advice(
      'association_or_defenseur_des_droits',
      'cpam.defenseur',
      "Le médiateur de la CPAM a déjà été saisi : le Défenseur des droits traite gratuitement les dysfonctionnements d'un service public comme la CPAM, une fois les démarches habituelles faites. Il ne suspend pas les délais de recours en justice.",
      ['Défenseur des droits, service-public F13158 (reference.md §3)'],
    );
  }

  // --- Complementary health cover (mutuelle, insurer, or not said).
  if (stage === 'none') {
    if (category === 'termination') {
      return advice(
        'written_complaint',
        'termination.write',
        "Pour une résiliation, tout se joue sur la preuve écrite : envoyez votre demande (ou votre réclamation) par lettre recommandée, courriel ou l'espace adhérent, et gardez la preuve de la date. Après un an de contrat, la résiliation prend effet un mois après sa réception.",
        ['Code de la mutualité L221-10-2 (reference.md §5)', 'ACPR 2024-R-02 (reference.md §1)'],
      );
    }
    return advice(
      'contact_customer_service',
      'complementary.contact',
      "Commencez par le service client (téléphone, espace adhérent) : une réclamation orale compte déjà et beaucoup d'erreurs se règlent ainsi. Si la réponse ne vous satisfait pas tout de suite, passez à l'écrit.",
      ['ACPR 2024-R-02 : réclamation orale, puis écrite (reference.md §1)'],
    );
  }
  if (stage === 'customer_service_contacted') {
    return advice(
      'written_complaint',
      'complementary.write',
      "Le service client ne vous a pas donné satisfaction : envoyez une réclamation écrite (courrier, courriel ou formulaire, avec copie datée). Elle est indispensable avant toute médiation, et l'organisme doit en accuser réception sous 10 jours ouvrables et répondre sous 2 mois.",
      ['C. consom. L612-2 1° (reference.md §2)', 'ACPR 2024-R-02 (reference.md §1)'],
    );
  }
  if (stage === 'mediation') {
    return advice(
      'court',
      'complementary.after_mediation',
      "La médiation est en cours ou terminée : vous êtes libre de refuser la proposition du médiateur, et le juge reste ouvert. La médiation suspend la prescription (2 ans) jusqu'à sa fin, puis il reste au moins 6 mois pour agir.",
      ['C. consom. R612-3 / R612-4 (reference.md §2)', 'C. civ. 2238 (reference.md §2)'],
    );
  }

  // written_complaint_sent or reminder_unanswered
  if (category === 'termination' && stage === 'written_complaint_sent') {
    return advice(
      'formal_notice',
      'termination.formal_notice',
      "Votre demande écrite n'a pas été prise en compte : adressez une mise en demeure par lettre recommandée, qui rappelle la date de votre demande, la date d'effet légale (un mois après réception, après un an de contrat) et exige l'arrêt des prélèvements et le remboursement des cotisations prélevées depuis. Elle vaut réclamation écrite pour une médiation ultérieure.",
      ['Code de la mutualité L221-10-2 (reference.md §5)', 'C. consom. L612-2 1° (reference.md §2)'],
    );
  }
  const limit = parameterOn(DELAYS.mediationLimitAfterComplaint, today);
  if (sent !== null && compareDates(today, addMonths(sent, limit.value)) > 0) {
    return advice(
      'court',
      'complementary.mediation_too_late',
      `Votre réclamation écrite date du ${formatFrenchDate(sent)}, il y a plus d'un an : le médiateur ne peut plus être saisi. Reste le juge ; vérifiez la prescription de 2 ans.`,
      [limit.source, 'Code de la mutualité L221-11 ; C. assurances L114-1 (reference.md §4)'],
    );
  }
  const wait = parameterOn(DELAYS.mediationAfterComplaint, today);
  const mediatorName =
    organisation === 'insurer'
      ? "La Médiation de l'Assurance"
      : organisation === 'mutuelle'
        ? 'le Médiateur de la Mutualité Française (ou celui que désigne votre mutuelle)'
        : "le médiateur indiqué par votre organisme (Mutualité Française, Médiation de l'Assurance ou CTIP)";
  if (input.negativeAnswer) {
    return advice(
      'mediator',
      'complementary.mediator_after_refusal',
      `Votre réclamation écrite a reçu une réponse négative : vous pouvez saisir ${mediatorName}, gratuitement, dans l'année qui suit votre réclamation.`,
      [wait.source, 'C. consom. L612-1, L612-2, R612-1 (reference.md §2)'],
    );
  }
  if (sent === null) {
    return advice(
      'mediator',
      'complementary.mediator_date_unknown',
      `Dès que votre réclamation écrite a reçu une réponse négative, ou au plus tard 2 mois après son envoi sans réponse, vous pouvez saisir ${mediatorName}, gratuitement et au plus tard un an après la réclamation. Indiquez-nous la date d'envoi pour calculer ces dates.`,
      [wait.source, limit.source],
    );
  }
  const opens = addMonths(sent, wait.value);
  if (compareDates(today, opens) >= 0) {
    return advice(
      'mediator',
      'complementary.mediator_open',
      `Votre réclamation écrite du ${formatFrenchDate(sent)} est restée plus de 2 mois sans réponse satisfaisante : vous pouvez saisir ${mediatorName}, gratuitement, jusqu'au ${formatFrenchDate(addMonths(sent, limit.value))}.`,
      [wait.source, limit.source],
    );
  }
  return advice(
    'mediator',
    'complementary.mediator_wait',
    `Votre réclamation écrite du ${formatFrenchDate(sent)} doit recevoir une réponse dans les 2 mois. Sans réponse le ${formatFrenchDate(opens)}, ou dès une réponse négative, vous pourrez saisir ${mediatorName}. D'ici là, une relance écrite est utile.`,
    [wait.source, 'ACPR 2024-R-02 : réponse sous 2 mois (reference.md §1)'],
    opens,
  );
}

function cpamDecisionStep(input: NextStepInput): NextStepAdvice {
  const { stage, today } = input;
  const sent = input.complaintSentOn ?? null;
  const warnings: string[] = [];
  const referral = parameterOn(DELAYS.craReferral, today);
  const notified = input.decisionNotifiedOn ?? null;
  if (
    notified !== null &&
    compareDates(today, addMonths(notified, referral.value)) > 0 &&
    !input.craReferred
  ) {
    warnings.push(
      `La décision date du ${formatFrenchDate(notified)} : le délai de 2 mois pour saisir la CRA semble dépassé. Il ne vous est opposable que si la notification mentionnait ce délai et les voies de recours (CSS R142-1-A III).`,
    );
  }
  const medical =
    "S'il s'agit d'une question médicale (avis du médecin conseil, consolidation, taux d'incapacité), la contestation va à la commission médicale de recours amiable (CMRA).";

  if (input.craReferred && stageRank(stage) >= stageRank('written_complaint_sent')) {
    const delay = parameterOn(DELAYS.craImplicitRejection, sent ?? today);
    if (input.negativeAnswer || stage === 'reminder_unanswered' || stage === 'mediation') {
      return advice(
        'court',
        'cpam.court_after_cra',
        "La commission de recours amiable a rejeté votre recours, ou n'a pas répondu dans les 2 mois (rejet implicite) : vous pouvez saisir le pôle social du tribunal judiciaire dans les 2 mois.",
        [delay.source, 'CSS R142-1-A (reference.md §3)'],
        null,
        warnings,
      );
    }
    if (sent === null) {
      return advice(
        'court',
        'cpam.court_after_cra_date_unknown',
        "Après votre recours à la commission de recours amiable : sans réponse 2 mois après sa réception, c'est un rejet implicite, et le pôle social du tribunal judiciaire peut être saisi dans les 2 mois. Indiquez-nous la date de votre recours pour calculer ces dates.",
        [delay.source, 'CSS R142-1-A (reference.md §3)'],
        null,
        warnings,
      );
    }
    const implicit = addMonths(sent, delay.value);
    const open = compareDates(today, implicit) >= 0;
    return advice(
      'court',
      open ? 'cpam.court_after_implicit_rejection' : 'cpam.court_wait_cra',
      open
        ? `Votre recours à la commission de recours amiable du ${formatFrenchDate(sent)} est sans réponse depuis plus de 2 mois : c'est un rejet implicite. Vous pouvez saisir le pôle social du tribunal judiciaire dans les 2 mois.`
        : `La commission de recours amiable a 2 mois pour répondre à votre recours du ${formatFrenchDate(sent)} (comptés à partir de sa réception). Sans réponse vers le ${formatFrenchDate(implicit)}, c'est un rejet implicite, et le pôle social du tribunal judiciaire pourra être saisi dans les 2 mois.`,
      [delay.source, 'CSS R142-1-A (reference.md §3)'],
      open ? null : implicit,
      warnings,
    );
  }
  if (stage === 'mediation') {
    return advice(
      'cpam_cra',
      'cpam.cra_after_mediator',
      `Le médiateur de la CPAM suspend les délais de recours, mais ne remplace pas la commission de recours amiable, obligatoire avant tout recours au juge : saisissez-la par écrit si ce n'est pas fait. ${medical}`,
      ['CSS L217-7-1 ; CSS R142-1 (reference.md §3)'],
      null,
      warnings,
    );
  }
  return advice(
    'cpam_cra',
    'cpam.cra',
    `Une décision de la CPAM se conteste d'abord devant sa commission de recours amiable (CRA), par écrit, dans les 2 mois de sa notification ; c'est obligatoire avant le tribunal. ${medical}`,
    [referral.source],
    null,
    warnings,
  );
}
