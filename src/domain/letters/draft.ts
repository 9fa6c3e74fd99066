import { addDays } from '../shared/calendar-date.ts';
import { publicDeep } from '../shared/public-text.ts';
import { fail, ok, type Result } from '../shared/result.ts';

export { mediatorPhrase } from './blocks.ts';

import { firstIssue } from '../shared/zod-issues.ts';
import {
  amountClaimed,
  complaintDate,
  type Draft,
  type Drafter,
  enclosuresOf,
  factsParagraphs,
  mediatorBlock,
  mediatorPhrase,
  memberBlock,
  memberReferences,
  needFact,
  notForCpam,
  onlyForCpam,
  organisationBlock,
  organisationReferences,
  requestSentence,
  shortfallParagraphs,
  solutionWords,
} from './blocks.ts';
import { courtName, courtReferences, requeteTribunal, saisinePoleSocial } from './court.ts';
import { formatAmount, formatDate, frenchTypography, listJoin } from './format.ts';
import { deadlinesFor, findDeadline, mediationChecks, mediatorOf } from './mediation-checks.ts';
import {
  type Letter,
  type LetterDossier,
  type LetterType,
  letterDossierSchema,
  letterOptionsSchema,
  type Mediator,
  sideOf,
} from './schema.ts';

/**
 * Letter content: what each letter says, drafted from the file. Pure: the date is `dossier.today`, the deadlines
 * come from the deadline engine (`computeDeadlines`), never from a constant here. Rendering is src/pdf's business.
 */

const fr = formatDate;
const ACPR = 'Recommandation ACPR 2024-R-02';
const REGISTERED = 'Lettre recommandée avec accusé de réception';
const MEMBER_CLOSING =
  'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.';
const ORG_CLOSING =
  'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.';

/** The Défenseur des droits' free postal address (defenseurdesdroits.fr, « Libre réponse »). */
export const DEFENSEUR_DES_DROITS_ADDRESS = [
  'Défenseur des droits',
  'Libre réponse 71120',
  '75342 Paris Cedex 07',
];

// ---------------------------------------------------------------- member side

const reclamation: Drafter = (d) => {
  const isCpam = d.organisation.kind === 'cpam';
  const sentOn = d.dossier.facts.complaintSentOn ?? d.today;
  const deadlines = deadlinesFor(d, { complaintSentOn: sentOn });
  if (!deadlines.ok) return deadlines;
  const ack = findDeadline(deadlines.value, 'complaint.acknowledgment');
  const answer = findDeadline(deadlines.value, 'complaint.answer');
  const mediator = mediatorOf(d);
  const body = [
    `Par la présente, je vous adresse une réclamation écrite concernant le dossier suivant : ${d.dossier.title}.`,
    ...factsParagraphs(d),
    ...shortfallParagraphs(d),
    `Je vous demande en conséquence ${requestSentence(d)}.`,
  ];
  const legalBasis: string[] = [];
  let answerBy: Draft['answerBy'];
  if (!isCpam && ack?.dueDate && answer?.dueDate) {
    body.push(
      `Conformément à la recommandation ACPR 2024-R-02 relative au traitement des réclamations, je vous remercie d’accuser réception de cette réclamation dans un délai de 10 jours ouvrables, soit au plus tard le ${fr(ack.dueDate)}, et de m’adresser une réponse écrite et motivée dans un délai de deux mois à compter de son envoi, soit au plus tard le ${fr(answer.dueDate)}.`,
    );
    legalBasis.push(ACPR);
    answerBy = { date: answer.dueDate, rule: `${ACPR} : réponse sous 2 mois (${answer.source})` };
  } else if (isCpam) {
    body.push(
      'Si ma demande porte sur une décision qui m’a été notifiée, je vous remercie de me préciser les voies et délais de recours applicables (commission de recours amiable, article R142-1 du Code de la sécurité sociale).',
    );
    legalBasis.push('CSS art. R142-1');
  }
  if (mediator) {
    body.push(
      isCpam
        ? `À défaut de réponse satisfaisante, je me réserve la possibilité de saisir le ${mediator.name.replace(/^Médiateur/, 'médiateur')} (article L217-7-1 du Code de la sécurité sociale).`
        : `À défaut de réponse satisfaisante dans ce délai, je me réserve la possibilité de saisir ${mediatorPhrase(mediator)}, conformément aux articles L612-1 et suivants du Code de la consommation.`,
    );
    legalBasis.push(isCpam ? 'CSS art. L217-7-1' : 'C. consom. art. L612-1');
  }
  return ok({
    subject: `Réclamation – ${d.dossier.title}`,
    body,
    legalBasis,
    ...(answerBy ? { answerBy } : {}),
  });
};

const detailCalcul: Drafter = (d) => {
  const body = [
    `Je vous remercie de bien vouloir me communiquer le détail du calcul de votre remboursement relatif au dossier suivant : ${d.dossier.title}.`,
    ...factsParagraphs(d),
    'Je souhaite connaître, pour chaque acte : la base de remboursement de la Sécurité sociale, le taux appliqué, le montant versé par l’Assurance maladie et déduit, la ligne du tableau de garanties de mon contrat que vous avez appliquée et le montant que vous avez versé.',
    ...(d.shortfalls.length
      ? [
          'D’après ma propre simulation, un écart semble exister :',
          ...d.shortfalls.map((s) => `– ${s.sentence}`),
        ]
      : []),
    'Cette demande d’information ne constitue pas encore une réclamation ; si le détail de votre calcul confirme un écart, je vous adresserai une réclamation écrite au sens de la recommandation ACPR 2024-R-02.',
  ];
  return ok({
    subject: `Demande du détail du calcul de remboursement – ${d.dossier.title}`,
    body,
    legalBasis: [`${ACPR} (une demande d’information n’est pas une réclamation)`],
  });
};

const relance: Drafter = (d) => {
  const sent = d.dossier.facts.complaintSentOn;
  if (!sent) {
    return needFact(
      'complaintSentOn',
      'Une relance suppose une réclamation écrite déjà envoyée : indiquez sa date d’envoi ou rédigez d’abord une réclamation.',
    );
  }
  const deadlines = deadlinesFor(d);
  if (!deadlines.ok) return deadlines;
  const ack = findDeadline(deadlines.value, 'complaint.acknowledgment');
  const answer = findDeadline(deadlines.value, 'complaint.answer');
  const window = findDeadline(deadlines.value, 'mediation.referral_window');
  const letter = d.letters.find((l) => l.type === 'reclamation' && l.date === sent);
  const registered = letter?.registeredNumber ? ` (lettre recommandée n° ${letter.registeredNumber})` : '';
  const body = [
    `Par courrier du ${fr(sent)}${registered}, je vous ai adressé une réclamation concernant : ${d.dossier.title}.`,
  ];
  const facts = d.dossier.facts;
  if (facts.acknowledgedOn) body.push(`Vous en avez accusé réception le ${fr(facts.acknowledgedOn)}.`);
  else if (ack?.dueDate && ack.dueDate < d.today) {
    body.push(
      `Je n’ai reçu aucun accusé de réception, alors que la recommandation ACPR 2024-R-02 prévoit un accusé de réception dans les 10 jours ouvrables, soit au plus tard le ${fr(ack.dueDate)}.`,
    );
  }
  const legalBasis: string[] = [];
  let answerBy: Draft['answerBy'];
  if (answer?.dueDate) {
    legalBasis.push(ACPR);
    answerBy = { date: answer.dueDate, rule: `${ACPR} : réponse sous 2 mois` };
    body.push(
      answer.dueDate < d.today
        ? `Le délai de deux mois dont vous disposiez pour me répondre (recommandation ACPR 2024-R-02) a expiré le ${fr(answer.dueDate)}, sans réponse de votre part à ce jour.`
        : `Je vous rappelle que la recommandation ACPR 2024-R-02 vous impose de me répondre par écrit au plus tard le ${fr(answer.dueDate)}.`,
    );
  }
  body.push(...shortfallParagraphs(d));
  body.push(
    `Je vous remercie de me faire parvenir votre réponse dans les meilleurs délais et, en tout état de cause, ${requestSentence(d)}.`,
  );
  const mediator = mediatorOf(d);
  if (mediator && window) {
    const from = window.opensOn && window.opensOn > d.today ? ` à partir du ${fr(window.opensOn)}` : '';
    body.push(`À défaut de réponse, je saisirai ${mediatorPhrase(mediator)}${from}.`);
  }
  return ok({
    subject: `Relance – réclamation du ${fr(sent)} – ${d.dossier.title}`,
    body,
    legalBasis,
    ...(answerBy ? { answerBy } : {}),
  });
};

const miseEnDemeure: Drafter = (d, o) => {
  const facts = d.dossier.facts;
  const by = addDays(d.today, o.answerDays);
  const body: string[] = [];
  if (facts.complaintSentOn) {
    const reminders = d.letters.filter((l) => l.type === 'relance').map((l) => fr(l.date));
    const reminderText = reminders.length ? `, puis de ma relance du ${listJoin(reminders)}` : '';
    const outcome =
      facts.answerOutcome === 'rejected'
        ? `, vous avez rejeté ma demande le ${fr(facts.answerReceivedOn!)}`
        : facts.answerOutcome === 'partial'
          ? `, vous n’avez fait que partiellement droit à ma demande le ${fr(facts.answerReceivedOn!)}`
          : ', je n’ai reçu aucune réponse satisfaisante';
    body.push(
      `En dépit de ma réclamation écrite du ${fr(facts.complaintSentOn)}${reminderText}${outcome}, concernant : ${d.dossier.title}.`,
    );
  } else {
    body.push(`Je reviens vers vous au sujet du litige suivant : ${d.dossier.title}.`);
  }
  body.push(...factsParagraphs(d), ...shortfallParagraphs(d));
  body.push(
    `Par la présente, je vous mets en demeure, au sens de l’article 1344 du Code civil, ${requestSentence(d)}, dans un délai de ${o.answerDays} jours, soit au plus tard le ${fr(by)}.`,
  );
  const legalBasis = ['C. civ. art. 1344'];
  if (amountClaimed(d)) {
    body.push(
      'Je vous rappelle que, s’agissant d’une somme d’argent, la présente mise en demeure fait courir les intérêts au taux légal (article 1231-6 du Code civil).',
    );
    legalBasis.push('C. civ. art. 1231-6');
  }
  const mediator = mediatorOf(d);
  if (d.organisation.kind === 'cpam') {
    body.push(
      'À défaut, je saisirai la commission de recours amiable ou le médiateur de la caisse, puis, le cas échéant, le pôle social du tribunal judiciaire.',
    );
  } else if (mediator) {
    body.push(
      `À défaut, je saisirai ${mediatorPhrase(mediator)} (articles L612-1 et suivants du Code de la consommation), puis, le cas échéant, la juridiction compétente.`,
    );
    legalBasis.push('C. consom. art. L612-1');
  }
  return ok({
    subject: `Mise en demeure – ${d.dossier.title}`,
    body,
    legalBasis,
    answerBy: { date: by, rule: `Mise en demeure (C. civ. art. 1344) : ${o.answerDays} jours` },
  });
};

const saisineMediateur: Drafter = (d) => {
  const checks = mediationChecks(d);
  if (!checks.ok) return checks;
  const isCpam = d.organisation.kind === 'cpam';
  const seized = d.dossier.facts.mediatorSeizedOn ?? d.today;
  const deadlines = deadlinesFor(d, { mediatorSeizedOn: seized });
  if (!deadlines.ok) return deadlines;
  const notice = findDeadline(deadlines.value, 'mediation.inadmissibility_notice');
  const number = d.member.memberNumber ? ` sous le n° ${d.member.memberNumber}` : '';
  const body = [
    isCpam
      ? `Je vous saisis du différend qui m’oppose à ${d.organisation.name}, dont je suis assuré(e)${number}, sur le fondement de l’article L217-7-1 du Code de la sécurité sociale.`
      : `Je vous saisis du litige qui m’oppose à ${d.organisation.name}, dont je suis adhérent(e)${number}, sur le fondement des articles L612-1 et suivants du Code de la consommation.`,
    `Objet du litige : ${d.dossier.title}.`,
    ...factsParagraphs(d),
    ...shortfallParagraphs(d),
    `${checks.value.admissible ? 'Ma demande remplit les conditions de recevabilité' : 'Sur les conditions de recevabilité'} ${isCpam ? 'de l’article L217-7-1 du Code de la sécurité sociale' : 'de l’article L612-2 du Code de la consommation'} :`,
    ...checks.value.checks.map((c, i, all) => `– ${c.letterLine}${i === all.length - 1 ? '.' : ' ;'}`),
    `Je vous demande de bien vouloir examiner ce litige et de proposer une solution ${solutionWords(d)}.`,
  ];
  const legalBasis = isCpam
    ? ['CSS art. L217-7-1']
    : ['C. consom. art. L612-1', 'C. consom. art. L612-2', 'C. consom. art. R612-5'];
  let answerBy: Draft['answerBy'];
  if (!isCpam && notice?.dueDate) {
    body.push(
      `Si ma demande ne pouvait être examinée, je vous remercie de m’en informer dans le délai de trois semaines prévu par l’article L612-2 du Code de la consommation, soit au plus tard le ${fr(notice.dueDate)} si mon dossier vous parvient ce jour. L’issue de la médiation interviendra dans les 90 jours suivant la notification de votre saisine (article R612-5).`,
    );
    answerBy = {
      date: notice.dueDate,
      rule: 'C. consom. art. L612-2 : irrecevabilité notifiée sous 3 semaines',
    };
  } else if (isCpam) {
    body.push(
      'Je note que la médiation suspend les délais de recours à compter de la notification de sa recevabilité et jusqu’à la communication de vos recommandations.',
    );
  }
  body.push(
    'Je joins à la présente la copie de ma réclamation, des réponses reçues et des pièces utiles, dont la liste figure ci-dessous.',
  );
  return ok({
    subject: `Saisine du médiateur – litige avec ${d.organisation.name} – ${d.dossier.title}`,
    salutation: 'Madame, Monsieur le Médiateur,',
    closing:
      'Je vous prie d’agréer, Madame, Monsieur le Médiateur, l’expression de ma considération distinguée.',
    body,
    legalBasis,
    ...(answerBy ? { answerBy } : {}),
  });
};

const recoursCra: Drafter = (d) => {
  const refused = onlyForCpam(d, 'Le recours devant la commission de recours amiable');
  if (refused) return refused;
  const notified = d.dossier.facts.cpamDecisionNotifiedOn;
  if (!notified) {
    return needFact(
      'cpamDecisionNotifiedOn',
      'Indiquez la date de notification de la décision contestée : le recours se forme dans les 2 mois de cette notification.',
    );
  }
  const deadlines = deadlinesFor(d);
  if (!deadlines.ok) return deadlines;
  const referral = findDeadline(deadlines.value, 'cpam.cra_referral');
  const decision = deadlinesFor(d, { craSeizedOn: d.dossier.facts.craSeizedOn ?? d.today });
  const craDecision = decision.ok ? findDeadline(decision.value, 'cpam.cra_decision') : undefined;
  const body = [
    `Je conteste la décision que vous m’avez notifiée le ${fr(notified)} et saisis la commission de recours amiable, conformément à l’article R142-1 du Code de la sécurité sociale.`,
    `Objet de la contestation : ${d.dossier.title}.`,
  ];
  if (referral?.dueDate) {
    body.push(
      referral.status === 'not_enforceable'
        ? `La notification de la décision ne mentionnait pas les voies et délais de recours : le délai de deux mois ne m’est pas opposable (article R142-1-A III).`
        : referral.dueDate >= d.today
          ? `Ce recours est formé dans le délai de deux mois suivant la notification de la décision, qui expire le ${fr(referral.dueDate)}.`
          : `Le délai de deux mois suivant la notification a expiré le ${fr(referral.dueDate)} ; je vous demande néanmoins d’examiner ma contestation.`,
    );
  }
  body.push(...factsParagraphs(d), `Je vous demande en conséquence ${requestSentence(d)}.`);
  body.push(
    `À défaut de décision de la commission dans un délai de deux mois à compter de la réception de ce recours${craDecision?.dueDate ? ` (soit au plus tôt le ${fr(craDecision.dueDate)})` : ''}, ma demande sera réputée rejetée (article R142-6), et je pourrai saisir le pôle social du tribunal judiciaire.`,
  );
  return ok({
    subject: `Recours amiable contre la décision du ${fr(notified)} – ${d.dossier.title}`,
    salutation: 'Mesdames, Messieurs les membres de la commission,',
    body,
    legalBasis: ['CSS art. R142-1', 'CSS art. R142-6'],
    ...(craDecision?.dueDate
      ? { answerBy: { date: craDecision.dueDate, rule: 'CSS art. R142-6 : rejet implicite après 2 mois' } }
      : {}),
  });
};

type Ground = 'annual' | 'anytime' | 'situation_change';

/** The articles a termination relies on, by organisation (docs/sources.md §5; docs/letters.md for the insurers). */
const TERMINATION_ARTICLES: Record<
  'mutuelle' | 'insurer' | 'institution_prevoyance',
  Record<Ground, string>
> = {
  mutuelle: {
    annual: 'l’article L221-10 du Code de la mutualité',
    anytime: 'l’article L221-10-2 du Code de la mutualité',
    situation_change: 'l’article L221-17 du Code de la mutualité',
  },
  insurer: {
    annual: 'l’article L113-12 du Code des assurances',
    anytime: 'l’article L113-15-2 du Code des assurances',
    situation_change: 'l’article L113-16 du Code des assurances',
  },
  // Not confirmed by the reference: we cite the law of 14/07/2019 rather than a CSS article number we have not read.
  institution_prevoyance: {
    annual: 'l’article L932-12 du Code de la sécurité sociale',
    anytime:
      'la loi n° 2019-733 du 14 juillet 2019 relative au droit de résiliation sans frais de contrats de complémentaire santé',
    situation_change: 'les stipulations de mon contrat relatives au changement de situation',
  },
};

const resiliation: Drafter = (d, o) => {
  const refused = notForCpam(d, 'Une résiliation');
  if (refused) return refused;
  const kind = d.organisation.kind as 'mutuelle' | 'insurer' | 'institution_prevoyance';
  const facts = d.dossier.facts;
  const ground: Ground = o.terminationGround ?? facts.terminationGround ?? 'annual';
  if (ground === 'annual' && !facts.renewalDate) {
    return needFact(
      'renewalDate',
      'Indiquez la date d’échéance annuelle du contrat pour une résiliation à l’échéance.',
    );
  }
  if (ground === 'anytime' && !facts.subscriptionDate) {
    return needFact(
      'subscriptionDate',
      'Indiquez la date de souscription : la résiliation à tout moment n’est ouverte qu’après un an de contrat.',
    );
  }
  if (ground === 'situation_change' && !facts.situationChangeOn) {
    return needFact('situationChangeOn', 'Indiquez la date du changement de situation.');
  }
  const sentOn = facts.terminationRequestSentOn ?? d.today;
  const deadlines = deadlinesFor(d, {
    terminationGround: ground,
    terminationRequestSentOn: sentOn,
    terminationReceivedOn: facts.terminationReceivedOn ?? sentOn,
  });
  if (!deadlines.ok) return deadlines;
  const routeId =
    ground === 'annual'
      ? 'termination.annual'
      : ground === 'anytime'
        ? 'termination.anytime'
        : 'termination.situation_change';
  const route = findDeadline(deadlines.value, routeId);
  if (route?.status === 'missed' || (ground === 'anytime' && route?.opensOn && route.opensOn > sentOn)) {
    return fail(
      'too_late_or_early',
      `Ce motif de résiliation n’est pas ouvert à cette date : ${route.rule}`,
      'options.terminationGround',
    );
  }
  const effective = findDeadline(deadlines.value, 'termination.effective');
  const article = TERMINATION_ARTICLES[kind][ground];
  const verb = kind === 'mutuelle' ? 'dénonce mon adhésion et résilie mon contrat' : 'résilie mon contrat';
  const number = d.member.memberNumber ? ` n° ${d.member.memberNumber}` : '';
  const why =
    ground === 'annual'
      ? `à sa prochaine échéance annuelle du ${fr(facts.renewalDate!)}`
      : ground === 'anytime'
        ? `mon contrat ayant été souscrit le ${fr(facts.subscriptionDate!)}, il y a plus d’un an, sans frais ni pénalités`
        : `en raison du changement de situation survenu le ${fr(facts.situationChangeOn!)}${o.situationChange ? ` (${o.situationChange})` : ''}`;
  const body = [`Par la présente, je ${verb}${number}, ${why}, en application de ${article}.`];
  if (effective?.dueDate) {
    body.push(
      ground === 'annual'
        ? `La résiliation prendra effet le ${fr(effective.dueDate)}.`
        : `La résiliation prendra effet un mois après la réception de la présente notification, soit le ${fr(effective.dueDate)} si elle vous parvient ce jour.`,
    );
  }
  body.push(
    'Je vous remercie de me confirmer par écrit la réception de cette notification et la date d’effet de la résiliation, et de cesser tout prélèvement de cotisation au-delà de cette date.',
  );
  if (ground !== 'annual') {
    body.push(
      'Je vous remercie également de me rembourser, dans un délai de trente jours à compter de la date d’effet, la part de cotisation correspondant à la période postérieure à celle-ci.',
    );
  }
  const legalBasis = [article.replace(/^l’article /, 'art. ')];
  if (kind === 'insurer') legalBasis.push('C. assur. art. L113-14 (modes de notification)');
  return ok({
    subject: `Résiliation de mon contrat${number}`,
    body,
    legalBasis,
    ...(effective?.dueDate
      ? { answerBy: { date: effective.dueDate, rule: 'Date d’effet de la résiliation' } }
      : {}),
  });
};

const portabilite: Drafter = (d) => {
  const refused = notForCpam(d, 'La portabilité des garanties');
  if (refused) return refused;
  const facts = d.dossier.facts;
  if (!facts.employmentContractEndOn) {
    return needFact('employmentContractEndOn', 'Indiquez la date de fin du contrat de travail.');
  }
  const deadlines = deadlinesFor(d);
  if (!deadlines.ok) return deadlines;
  const end = findDeadline(deadlines.value, 'portability.end');
  const body = [
    `Mon contrat de travail a pris fin le ${fr(facts.employmentContractEndOn)}${facts.employmentContractStartOn ? ` (il avait commencé le ${fr(facts.employmentContractStartOn)})` : ''}, pour un motif autre qu’une faute lourde, et cette rupture m’ouvre droit à l’indemnisation du chômage.`,
    `En application de l’article L911-8 du Code de la sécurité sociale, je vous demande le maintien, à titre gratuit, des garanties de complémentaire santé dont je bénéficiais dans mon entreprise, pour une durée égale à celle de mon dernier contrat de travail, appréciée en mois entiers arrondis au nombre supérieur, dans la limite de douze mois${end?.dueDate ? `, soit jusqu’au ${fr(end.dueDate)}` : ''}.`,
    'Je m’engage à vous justifier, à l’ouverture et au cours de la période de maintien, de ma prise en charge par l’assurance chômage.',
    ...factsParagraphs(d),
  ];
  return ok({
    subject: 'Maintien des garanties au titre de la portabilité (CSS art. L911-8)',
    body,
    legalBasis: ['CSS art. L911-8'],
  });
};

const defenseurDesDroits: Drafter = (d) => {
  const refused = onlyForCpam(d, 'La saisine du Défenseur des droits (service public)');
  if (refused) return refused;
  const facts = d.dossier.facts;
  const prior = [facts.complaintSentOn, facts.craSeizedOn].filter(Boolean);
  if (!prior.length) {
    return needFact(
      'complaintSentOn',
      'Le Défenseur des droits demande que les démarches préalables auprès de la CPAM aient été faites : indiquez la date de votre réclamation.',
    );
  }
  const steps = [
    facts.complaintSentOn ? `réclamation écrite du ${fr(facts.complaintSentOn)}` : undefined,
    facts.craSeizedOn ? `saisine de la commission de recours amiable le ${fr(facts.craSeizedOn)}` : undefined,
  ].filter((s): s is string => Boolean(s));
  const body = [
    `Je sollicite votre intervention dans le différend qui m’oppose à ${d.organisation.name}, au sujet de : ${d.dossier.title}.`,
    `J’ai accompli les démarches préalables auprès de cet organisme : ${listJoin(steps)}, sans obtenir de solution.`,
    ...factsParagraphs(d),
    `Je vous demande d’intervenir auprès de ${d.organisation.name} en vue d’une solution ${solutionWords(d)}.`,
    'Je sais que votre saisine ne suspend ni les délais de recours ni la prescription : je veille à les préserver par ailleurs.',
  ];
  return ok({
    subject: `Réclamation – ${d.organisation.name} – ${d.dossier.title}`,
    body,
    legalBasis: ['Loi organique n° 2011-333 du 29 mars 2011', 'service-public.fr F13158'],
  });
};

// ---------------------------------------------------------------- organisation side

function needComplaint(d: LetterDossier): Result<Draft> | undefined {
  if (complaintDate(d)) return undefined;
  return needFact(
    'complaintSentOn',
    'Indiquez la date d’envoi ou de réception de la réclamation (complaintSentOn ou complaintReceivedOn).',
  );
}

const accuseReception: Drafter = (d) => {
  const missing = needComplaint(d);
  if (missing) return missing;
  const facts = d.dossier.facts;
  const deadlines = deadlinesFor(d);
  if (!deadlines.ok) return deadlines;
  const answer = findDeadline(deadlines.value, 'complaint.answer');
  const received = facts.complaintReceivedOn ? `, reçue le ${fr(facts.complaintReceivedOn)}` : '';
  const body = [
    `Nous accusons réception de votre réclamation du ${fr(complaintDate(d)!)}${received}, relative à : ${d.dossier.title}. Elle est enregistrée sous la référence ${d.dossier.organisationReference ?? d.dossier.reference}.`,
  ];
  const legalBasis: string[] = [];
  let answerBy: Draft['answerBy'];
  if (answer?.dueDate) {
    body.push(
      `Conformément à la recommandation ACPR 2024-R-02, nous vous apporterons une réponse écrite et motivée au plus tard le ${fr(answer.dueDate)}. Si l’instruction de votre dossier devait exiger un délai plus long en raison de sa complexité, nous vous en informerions avant cette date.`,
    );
    legalBasis.push(ACPR);
    answerBy = { date: answer.dueDate, rule: `${ACPR} : réponse sous 2 mois` };
  } else {
    body.push('Nous vous apporterons une réponse écrite dans les meilleurs délais.');
  }
  const mediator = mediatorOf(d);
  if (mediator) {
    body.push(
      `En l’absence de réponse dans ce délai, ou si notre réponse ne vous satisfait pas, vous pourrez saisir ${mediatorPhrase(mediator)}.`,
    );
  }
  return ok({
    subject: `Accusé de réception de votre réclamation – ${d.dossier.title}`,
    body,
    legalBasis,
    ...(answerBy ? { answerBy } : {}),
  });
};

const demandePiece: Drafter = (d, o) => {
  const missing = needComplaint(d);
  if (missing) return missing;
  if (!o.requestedDocuments?.length) {
    return fail('missing_option', 'Indiquez au moins une pièce à demander.', 'options.requestedDocuments');
  }
  const deadlines = deadlinesFor(d);
  if (!deadlines.ok) return deadlines;
  const answer = findDeadline(deadlines.value, 'complaint.answer');
  const body = [
    `Afin d’instruire votre réclamation du ${fr(complaintDate(d)!)} relative à : ${d.dossier.title}, nous vous remercions de nous transmettre les pièces suivantes :`,
    ...o.requestedDocuments.map((p, i, all) => `– ${p}${i === all.length - 1 ? '.' : ' ;'}`),
    'Vous pouvez nous les adresser par courrier ou les déposer dans votre espace Recours, en rappelant la référence ci-dessus.',
  ];
  const legalBasis: string[] = [];
  if (answer?.dueDate) {
    body.push(
      `Cette demande ne modifie pas notre engagement de vous répondre par écrit au plus tard le ${fr(answer.dueDate)} (recommandation ACPR 2024-R-02).`,
    );
    legalBasis.push(ACPR);
  }
  return ok({
    subject: `Demande de pièce – votre réclamation du ${fr(complaintDate(d)!)}`,
    body,
    legalBasis,
    ...(answer?.dueDate ? { answerBy: { date: answer.dueDate, rule: `${ACPR} : réponse sous 2 mois` } } : {}),
  });
};

const reponseMotivee: Drafter = (d, o) => {
  const missing = needComplaint(d);
  if (missing) return missing;
  const decision = o.decision;
  if (!decision) {
    return fail(
      'missing_option',
      'Indiquez le sens de la décision et ses motifs : une réponse doit être motivée.',
      'options.decision',
    );
  }
  const mediator = mediatorOf(d);
  if (!mediator) {
    return fail(
      'mediator_required',
      'Une réponse à une réclamation doit nommer le médiateur compétent et indiquer comment le saisir (recommandation ACPR 2024-R-02 ; C. consom. art. L616-1) : renseignez le médiateur de l’organisme.',
      'organisation.mediator',
    );
  }
  const isCpam = d.organisation.kind === 'cpam';
  const facts = d.dossier.facts;
  const deadlines = deadlinesFor(d, {
    answerReceivedOn: facts.answerReceivedOn ?? d.today,
    answerOutcome: facts.answerOutcome ?? decision.outcome,
  });
  if (!deadlines.ok) return deadlines;
  const window = findDeadline(deadlines.value, 'mediation.referral_window');
  const granted = decision.amountGrantedCents;
  const body = [
    `Nous faisons suite à votre réclamation du ${fr(complaintDate(d)!)} relative à : ${d.dossier.title}.`,
  ];
  if (decision.outcome === 'accepted') {
    body.push(
      `Après examen de votre dossier, nous faisons droit à votre demande${granted ? ` : un versement de ${formatAmount(granted)} sera effectué sur votre compte` : ''}.`,
    );
  } else if (decision.outcome === 'partial') {
    body.push(
      `Après examen de votre dossier, nous faisons partiellement droit à votre demande${granted ? ` : un versement de ${formatAmount(granted)} sera effectué sur votre compte` : ''}.`,
    );
  } else {
    body.push('Après examen de votre dossier, nous ne sommes pas en mesure de faire droit à votre demande.');
  }
  body.push(`Les motifs de notre décision sont les suivants : ${decision.reasons.replace(/\.?$/, '.')}`);
  const howTo = mediator.howToSeize.replace(/\.?$/, '.');
  const address = mediator.postalAddress.length ? ` (${mediator.postalAddress.join(', ')})` : '';
  const legalBasis = [ACPR, 'C. consom. art. L616-1'];
  if (isCpam) {
    body.push(
      'Si vous contestez cette décision, vous pouvez saisir la commission de recours amiable de la caisse dans un délai de deux mois à compter de la notification du présent courrier (article R142-1 du Code de la sécurité sociale).',
      `Vous pouvez également saisir gratuitement le ${mediator.name.replace(/^Médiateur/, 'médiateur')}${address} (article L217-7-1 du Code de la sécurité sociale) : ${howTo}`,
    );
    legalBasis.splice(0, legalBasis.length, 'CSS art. R142-1', 'CSS art. L217-7-1');
  } else {
    body.push(
      `Si cette réponse ne vous satisfait pas, vous pouvez saisir gratuitement le médiateur compétent, ${mediatorPhrase(mediator)}${address}. ${howTo}${window?.dueDate ? ` Le médiateur doit être saisi au plus tard le ${fr(window.dueDate)}, un an après votre réclamation écrite (article L612-2 du Code de la consommation).` : ''}`,
    );
    legalBasis.push('C. consom. art. L612-2');
  }
  if (decision.outcome !== 'accepted') {
    body.push('Vous conservez en toute hypothèse la possibilité de saisir la juridiction compétente.');
  }
  return ok({
    subject: `Réponse à votre réclamation du ${fr(complaintDate(d)!)} – ${d.dossier.title}`,
    body,
    legalBasis,
    ...(window?.dueDate && !isCpam
      ? {
          answerBy: {
            date: window.dueDate,
            rule: 'C. consom. art. L612-2 : saisine du médiateur dans l’année',
          },
        }
      : {}),
  });
};

/** Who writes to whom, how it is sent and what it refers to: the parts of a letter the editor does not change. */
export interface LetterFrame {
  side: 'member' | 'organisation';
  sender: string[];
  recipient: string[];
  sendingNote?: string;
  references: { label: string; value: string }[];
  signature: string[];
  enclosures: string[];
  place: string;
  date: string;
  placeAndDate: string;
}

const REGISTERED_TYPES: readonly LetterType[] = [
  'reclamation',
  'mise_en_demeure',
  'recours_cra',
  'resiliation',
  'requete_tribunal',
  'saisine_pole_social',
];

function recipientOf(type: LetterType, d: LetterDossier): string[] {
  switch (type) {
    case 'saisine_mediateur': {
      const mediator = mediatorOf(d);
      return mediator ? mediatorBlock(mediator) : ['Médiateur de la consommation'];
    }
    case 'recours_cra':
      return organisationBlock(d, 'Commission de recours amiable');
    case 'resiliation':
      return organisationBlock(d, 'Service Adhésions – Résiliations');
    case 'portabilite':
      return organisationBlock(d, 'Service Adhésions');
    case 'defenseur_des_droits':
      return DEFENSEUR_DES_DROITS_ADDRESS;
    case 'requete_tribunal':
      return [courtName(d), 'Service du greffe'];
    case 'saisine_pole_social':
      return [courtName(d), 'Pôle social – Service du greffe'];
    default:
      return sideOf(type) === 'member' ? organisationBlock(d) : memberBlock(d);
  }
}

function referencesOf(type: LetterType, d: LetterDossier) {
  if (sideOf(type) === 'organisation') return organisationReferences(d);
  const facts = d.dossier.facts;
  if (type === 'relance' && facts.complaintSentOn) {
    return memberReferences(d, [{ label: 'Ma réclamation du', value: fr(facts.complaintSentOn) }]);
  }
  if (type === 'requete_tribunal' || type === 'saisine_pole_social') return courtReferences(d);
  if (type === 'recours_cra' && facts.cpamDecisionNotifiedOn) {
    return memberReferences(d, [{ label: 'Décision notifiée le', value: fr(facts.cpamDecisionNotifiedOn) }]);
  }
  return memberReferences(d);
}

export function frameOf(type: LetterType, d: LetterDossier): LetterFrame {
  const side = sideOf(type);
  return {
    side,
    sender: side === 'member' ? memberBlock(d) : organisationBlock(d),
    recipient: recipientOf(type, d),
    ...(REGISTERED_TYPES.includes(type) ? { sendingNote: REGISTERED } : {}),
    references: referencesOf(type, d),
    signature:
      side === 'member'
        ? [d.member.name]
        : [d.organisation.signatory ?? 'Le service Réclamations', d.organisation.name],
    enclosures: side === 'member' ? enclosuresOf(d) : [],
    place: d.place,
    date: d.today,
    placeAndDate: `${d.place}, le ${fr(d.today)}`,
  };
}

const DRAFTERS: Record<LetterType, Drafter> = {
  reclamation,
  detail_calcul: detailCalcul,
  relance,
  mise_en_demeure: miseEnDemeure,
  saisine_mediateur: saisineMediateur,
  recours_cra: recoursCra,
  resiliation,
  portabilite,
  defenseur_des_droits: defenseurDesDroits,
  requete_tribunal: requeteTribunal,
  saisine_pole_social: saisinePoleSocial,
  accuse_reception: accuseReception,
  demande_piece: demandePiece,
  reponse_motivee: reponseMotivee,
};

function schemaFailure(prefix: string, issue: { path: readonly PropertyKey[]; message: string }) {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return fail<never>('invalid_input', `Le champ « ${field} » est invalide : ${issue.message}`, field);
}

/** Drafts a letter of `type` from a file. Validates its input; never throws on bad data. */
export function draftLetter(type: LetterType, input: unknown, optionsInput: unknown = {}): Result<Letter> {
  const parsed = letterDossierSchema.safeParse(input);
  if (!parsed.success) return schemaFailure('', firstIssue(parsed.error));
  const options = letterOptionsSchema.safeParse(optionsInput ?? {});
  if (!options.success) return schemaFailure('options', firstIssue(options.error));
  const d = parsed.data;
  const drafter = DRAFTERS[type];
  if (!drafter) return fail('unknown_type', `Type de courrier inconnu : ${String(type)}.`, 'type');
  const drafted = drafter(d, options.data);
  if (!drafted.ok) return drafted;
  const draft = drafted.value;
  const frame = frameOf(type, d);
  const t = frenchTypography;
  const letter: Letter = {
    type,
    ...frame,
    subject: t(draft.subject),
    salutation: draft.salutation ?? 'Madame, Monsieur,',
    body: draft.body.map(t),
    closing: draft.closing ?? (frame.side === 'member' ? MEMBER_CLOSING : ORG_CLOSING),
    legalBasis: draft.legalBasis,
    ...(draft.answerBy ? { answerBy: draft.answerBy } : {}),
  };
  // A letter is read by the member and the organisation: no internal notes or option names (public-text.ts).
  return ok(publicDeep(letter));
}

/**
 * A letter from its final text (as stored, or as edited when no draft is possible): the frame comes from the file,
 * the subject and paragraphs from the text.
 */
export function letterFromText(
  type: LetterType,
  input: unknown,
  text: { subject: string; bodyText: string },
): Result<Letter> {
  const parsed = letterDossierSchema.safeParse(input);
  if (!parsed.success) return schemaFailure('', firstIssue(parsed.error));
  const frame = frameOf(type, parsed.data);
  const base: Letter = { type, ...frame, subject: '', salutation: '', body: [], closing: '', legalBasis: [] };
  return withEditedText(base, text, mediatorOf(parsed.data));
}

/** The text the member edits: salutation, paragraphs and closing, separated by blank lines. */
export function bodyText(letter: Pick<Letter, 'salutation' | 'body' | 'closing'>): string {
  return [letter.salutation, ...letter.body, letter.closing].filter((p) => p.trim()).join('\n\n');
}

/** Paragraphs of an edited text: blocks separated by blank lines; single line breaks are kept inside a block. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The phrase a reasoned answer must keep, even once edited (ACPR 2024-R-02; C. consom. L616-1). */
export function mandatoryPhrases(letter: Letter, mediator: Mediator | null): string[] {
  if (letter.type !== 'reponse_motivee' || !mediator) return [];
  return [mediator.name];
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, '’')
    .replace(/[\s\u00a0]+/g, ' ');

/**
 * The letter with the member's (or handler's) edited subject and text. The sender, recipient, references and
 * enclosures stay those of the file. A reasoned answer whose edited text no longer names the mediator is refused.
 */
export function withEditedText(
  letter: Letter,
  edit: { subject: string; bodyText: string },
  mediator: Mediator | null = null,
): Result<Letter> {
  const text = frenchTypography(edit.bodyText);
  for (const phrase of mandatoryPhrases(letter, mediator)) {
    if (!normalise(text).includes(normalise(frenchTypography(phrase)))) {
      return fail(
        'mediator_required',
        `Le texte d’une réponse doit nommer le médiateur compétent (${phrase}) et dire comment le saisir (recommandation ACPR 2024-R-02 ; C. consom. art. L616-1) : rétablissez ce passage.`,
        'bodyText',
      );
    }
  }
  return ok({
    ...letter,
    subject: frenchTypography(edit.subject.trim()),
    salutation: '',
    body: paragraphsOf(text),
    closing: '',
  });
}

/** The edited-text form of a drafted letter, for the editor and for storage. */
export function letterText(letter: Letter): { subject: string; bodyText: string } {
  return { subject: letter.subject, bodyText: bodyText(letter) };
}
