import { fail, ok } from '../shared/result.ts';
import {
  amountClaimed,
  type Draft,
  type Drafter,
  factsParagraphs,
  mediatorPhrase,
  needFact,
  onlyForCpam,
  shortfallParagraphs,
} from './blocks.ts';
import { formatAmount, formatDate, listJoin } from './format.ts';
import { deadlinesFor, findDeadline, mediatorOf } from './mediation-checks.ts';
import type { LetterDossier } from './schema.ts';

/**
 * The last rung of the ladder: the documents that seize a court, drafted from the file like the other letters.
 * - Tribunal judiciaire, by requête (CPC art. 750 al. 2: up to 5 000 €, procédure orale), with the mentions of
 *   CPC art. 54 and 57 and the summary of the grounds of art. 757; up to 5 000 € the prior attempt at an amicable
 *   resolution of art. 750-1 is shown (a consumer mediation counts).
 * - Pôle social of the tribunal judiciaire for a CPAM decision, after the commission de recours amiable
 *   (CSS R142-1, R142-1-A, R142-6), before the tribunal of the member's home (CSS R142-10).
 */

const fr = formatDate;

/** CPC art. 750 al. 2: the requête is open up to this amount; above it, an assignation by a commissaire de justice. */
export const REQUETE_CEILING_CENTS = 5_000_00;
/** CPC art. 761: no lawyer required up to this amount. */
export const NO_LAWYER_CEILING_CENTS = 10_000_00;

const LEGAL_AID =
  'Si mes ressources le justifient, je sollicite le bénéfice de l’aide juridictionnelle, dont la demande est adressée au bureau d’aide juridictionnelle du tribunal judiciaire (loi n° 91-647 du 10 juillet 1991).';

/** The court the member seizes: the one of his home (C. consom. art. R631-3; CSS art. R142-10 for the pôle social). */
export function courtName(d: LetterDossier): string {
  return `Tribunal judiciaire de ${d.place}`;
}

/** What the court files the request under: the member's number, the organisation's reference, the decision. */
export function courtReferences(d: LetterDossier): { label: string; value: string }[] {
  const refs: { label: string; value: string }[] = [];
  const cpam = d.organisation.kind === 'cpam';
  if (d.member.memberNumber)
    refs.push({ label: cpam ? 'N° de sécurité sociale' : 'N° d’adhérent', value: d.member.memberNumber });
  if (d.dossier.organisationReference)
    refs.push({ label: 'Référence de l’organisme', value: d.dossier.organisationReference });
  if (cpam && d.dossier.facts.cpamDecisionNotifiedOn)
    refs.push({ label: 'Décision notifiée le', value: fr(d.dossier.facts.cpamDecisionNotifiedOn) });
  refs.push({ label: 'Dossier Recours', value: d.dossier.reference });
  return refs;
}

/** The organisation and its address, without the service line (the court summons the organisation itself). */
function defendant(d: LetterDossier): string {
  const address = d.organisation.postalAddress.filter(
    (l) => l !== d.organisation.name && !/^(service|commission|direction|département)/i.test(l),
  );
  return [d.organisation.name, ...address].join(', ');
}

/** The amicable attempt of CPC art. 750-1 as the file shows it, or undefined when none is recorded. */
function amicableAttempt(d: LetterDossier): string | undefined {
  const f = d.dossier.facts;
  if (!f.mediatorSeizedOn && !f.mediationEndedOn && !f.mediationRejectedOn) return undefined;
  const mediator = mediatorOf(d);
  const who = (mediator ? mediatorPhrase(mediator) : 'le médiateur de la consommation').replace(
    /^(Le|La|Les|L’)/,
    (article) => article.toLowerCase(),
  );
  const parts: string[] = [];
  if (f.mediatorSeizedOn) parts.push(`j’ai saisi ${who} le ${fr(f.mediatorSeizedOn)}`);
  if (f.mediationRejectedOn)
    parts.push(`ma demande de médiation a été déclarée irrecevable le ${fr(f.mediationRejectedOn)}`);
  else if (f.mediationEndedOn) parts.push(`la médiation a pris fin le ${fr(f.mediationEndedOn)} sans accord`);
  return `Préalablement à la présente requête, j’ai tenté de résoudre ce litige à l’amiable, conformément à l’article 750-1 du Code de procédure civile : ${listJoin(parts)}. Les justificatifs sont joints.`;
}

function priorSteps(d: LetterDossier): string[] {
  const f = d.dossier.facts;
  const out: string[] = [];
  if (f.complaintSentOn) out.push(`réclamation écrite du ${fr(f.complaintSentOn)}`);
  for (const l of d.letters.filter((x) => x.type === 'relance' || x.type === 'mise_en_demeure')) {
    out.push(`${l.type === 'relance' ? 'relance' : 'mise en demeure'} du ${fr(l.date)}`);
  }
  if (f.answerReceivedOn)
    out.push(
      `réponse de ${d.organisation.name} du ${fr(f.answerReceivedOn)}${f.answerOutcome === 'rejected' ? ' (refus)' : f.answerOutcome === 'partial' ? ' (accord partiel)' : ''}`,
    );
  return out;
}

export const requeteTribunal: Drafter = (d) => {
  if (d.organisation.kind === 'cpam')
    return fail(
      'not_applicable',
      'Pour une décision de la CPAM, le tribunal se saisit par son pôle social, après la commission de recours amiable : choisissez la saisine du pôle social.',
      'type',
    );
  const amount = amountClaimed(d);
  if (amount === undefined || amount <= 0) {
    return fail(
      'missing_amount',
      'Indiquez le montant réclamé (montant en jeu du dossier) : la requête n’est ouverte que jusqu’à 5 000 € (article 750 du Code de procédure civile).',
      'dossier.amountCents',
    );
  }
  if (amount > REQUETE_CEILING_CENTS) {
    return fail(
      'assignation_required',
      `Au-delà de 5 000 € (ici ${formatAmount(amount)}), le tribunal judiciaire est saisi par une assignation délivrée par un commissaire de justice, et non par requête (article 750 du Code de procédure civile) ; au-delà de 10 000 €, un avocat est obligatoire (articles 760 et 761).`,
      'type',
    );
  }
  const attempt = amicableAttempt(d);
  if (!attempt) {
    return needFact(
      'mediatorSeizedOn',
      'Jusqu’à 5 000 €, la requête est irrecevable sans tentative préalable de résolution amiable (article 750-1 du Code de procédure civile) : saisissez d’abord le médiateur et indiquez la date de sa saisine, ou celle de la fin de la médiation.',
    );
  }
  const deadlines = deadlinesFor(d);
  if (!deadlines.ok) return deadlines;
  const prescription = findDeadline(deadlines.value, 'prescription.benefits');
  const formalNotice = d.letters.find((l) => l.type === 'mise_en_demeure');
  const steps = priorSteps(d);
  const status = d.organisation.kind === 'insurer' ? 'assuré(e)' : 'adhérent(e)';
  const number = d.member.memberNumber ? ` sous le n° ${d.member.memberNumber}` : '';
  const body = [
    // CPC art. 54: the claimant's identity; what the file does not hold is left for the member to fill in.
    `Demandeur : ${[d.member.name, ...d.member.postalAddress].join(', ')}. Profession : ……………… ; nationalité : ……………… ; né(e) le ……………… à ……………… (mentions exigées par l’article 54 du Code de procédure civile).`,
    `Défendeur : ${defendant(d)}, dont je suis ${status}${number}.`,
    'J’ai l’honneur de saisir le tribunal judiciaire par requête (articles 750 et 757 du Code de procédure civile).',
    `Objet de la demande : je demande au tribunal de condamner ${d.organisation.name} à me payer la somme de ${formatAmount(amount)}${formalNotice ? `, avec intérêts au taux légal à compter de la mise en demeure du ${fr(formalNotice.date)} (article 1231-6 du Code civil)` : ''}.`,
    `Exposé sommaire des motifs (article 757 du Code de procédure civile) : ${d.dossier.title}.`,
    ...factsParagraphs(d),
    ...shortfallParagraphs(d),
    ...(steps.length
      ? [`Mes démarches auprès de l’organisme sont restées sans solution : ${listJoin(steps)}.`]
      : []),
    attempt,
    ...(prescription?.dueDate && prescription.dueDate >= d.today
      ? [
          `La présente requête est formée avant l’expiration du délai de prescription de deux ans, le ${fr(prescription.dueDate)} (${prescription.source}).`,
        ]
      : []),
    `Je me présenterai moi-même à l’audience : la représentation par un avocat n’est pas obligatoire pour une demande de ${formatAmount(amount)}, qui n’excède pas 10 000 € (article 761 du Code de procédure civile).`,
    LEGAL_AID,
    'Les pièces sur lesquelles ma demande est fondée sont énumérées ci-dessous et jointes en autant de copies que de parties à convoquer (article 757 du Code de procédure civile).',
  ];
  return ok({
    subject: `Requête aux fins de saisine du tribunal judiciaire – ${d.organisation.name} – ${d.dossier.title}`,
    salutation: 'Madame, Monsieur le Président,',
    closing: 'Je vous prie d’agréer, Madame, Monsieur le Président, l’expression de ma haute considération.',
    body,
    legalBasis: [
      'CPC art. 54, 57, 750, 750-1, 757 et 761',
      'C. consom. art. R631-3 (tribunal du domicile du consommateur)',
      ...(formalNotice ? ['C. civ. art. 1231-6'] : []),
    ],
    ...(prescription?.dueDate
      ? { answerBy: { date: prescription.dueDate, rule: `Prescription biennale : ${prescription.source}` } }
      : {}),
  } satisfies Draft);
};

export const saisinePoleSocial: Drafter = (d) => {
  const refused = onlyForCpam(d, 'La saisine du pôle social du tribunal judiciaire');
  if (refused) return refused;
  const f = d.dossier.facts;
  if (!f.cpamDecisionNotifiedOn) {
    return needFact(
      'cpamDecisionNotifiedOn',
      'Indiquez la date de notification de la décision de la CPAM que vous contestez.',
    );
  }
  if (!f.craSeizedOn) {
    return needFact(
      'craSeizedOn',
      'Le pôle social ne peut être saisi qu’après la commission de recours amiable (article R142-1 du Code de la sécurité sociale) : indiquez la date de réception de votre recours par la commission, ou rédigez d’abord ce recours.',
    );
  }
  const deadlines = deadlinesFor(d);
  if (!deadlines.ok) return deadlines;
  const tribunal = findDeadline(deadlines.value, 'cpam.tribunal_referral');
  if (!tribunal || tribunal.status === 'not_applicable_yet') {
    return fail(
      'too_early',
      tribunal?.rule ??
        'La commission de recours amiable ne s’est pas encore prononcée et son silence ne vaut rejet qu’après deux mois (article R142-6 du Code de la sécurité sociale).',
      'dossier.facts.craDecisionNotifiedOn',
    );
  }
  const decision = f.craDecisionNotifiedOn
    ? `la commission de recours amiable a rejeté mon recours par une décision notifiée le ${fr(f.craDecisionNotifiedOn)}`
    : `la commission de recours amiable, saisie le ${fr(f.craSeizedOn)}, ne s’est pas prononcée dans le délai de deux mois : son silence vaut rejet (article R142-6 du Code de la sécurité sociale)`;
  const amount = amountClaimed(d);
  const number = d.member.memberNumber ? ` (n° de sécurité sociale ${d.member.memberNumber})` : '';
  const body = [
    `J’ai l’honneur de saisir le pôle social du tribunal judiciaire d’un recours contre ${defendant(d)}, dont je suis assuré(e)${number}.`,
    `Je conteste la décision que la caisse m’a notifiée le ${fr(f.cpamDecisionNotifiedOn)} ; ${decision}.`,
    `Objet de la contestation : ${d.dossier.title}.`,
    ...factsParagraphs(d),
    ...shortfallParagraphs(d),
    amount
      ? `Je demande au tribunal d’annuler cette décision et de condamner ${d.organisation.name} à me verser la somme de ${formatAmount(amount)}.`
      : 'Je demande au tribunal d’annuler cette décision et de me rétablir dans mes droits.',
  ];
  if (tribunal.dueDate) {
    body.push(
      tribunal.status === 'not_enforceable'
        ? 'La décision ne mentionnait pas les voies et délais de recours : le délai de deux mois ne m’est pas opposable (article R142-1-A III du Code de la sécurité sociale).'
        : tribunal.dueDate >= d.today
          ? `Ce recours est formé dans le délai de deux mois, qui expire le ${fr(tribunal.dueDate)} (article R142-1-A du Code de la sécurité sociale).`
          : `Le délai de deux mois a expiré le ${fr(tribunal.dueDate)} ; je demande néanmoins au tribunal d’examiner ma contestation.`,
    );
  }
  body.push(
    'Je me défendrai moi-même : devant le pôle social, les parties peuvent se défendre elles-mêmes ou se faire assister par un proche ou une association (article L134-4 du Code de l’action sociale et des familles).',
    LEGAL_AID,
    'Je joins la décision contestée, mon recours devant la commission et sa décision (ou l’accusé de réception de mon recours), ainsi que les pièces énumérées ci-dessous.',
  );
  return ok({
    subject: `Recours devant le pôle social – décision de ${d.organisation.name} du ${fr(f.cpamDecisionNotifiedOn)}`,
    salutation: 'Madame, Monsieur le Président,',
    closing: 'Je vous prie d’agréer, Madame, Monsieur le Président, l’expression de ma haute considération.',
    body,
    legalBasis: ['CSS art. R142-1, R142-1-A, R142-6 et R142-10', 'CASF art. L134-4 (représentation)'],
    ...(tribunal.dueDate
      ? { answerBy: { date: tribunal.dueDate, rule: 'CSS art. R142-1-A : saisine dans les 2 mois' } }
      : {}),
  } satisfies Draft);
};
