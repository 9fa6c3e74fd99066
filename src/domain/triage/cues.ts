import { allMatches } from '../shared/regexp.ts';
import type { Organisation, Stage } from './labels.ts';

/**
 * Hand-written cue rules over the normalised text (see normalise.ts: accent-free, SMS rewritten, `ameli`,
 * `caisse primaire`, `assurance maladie` → `cpam`, `secu` → `securite sociale`). Each rule has a name so the
 * diagnosis can say which one fired.
 */

export interface CueHit {
  rule: string;
  /** The normalised words that matched. */
  matched: string;
  index: number;
}

function hits(normalised: string, rule: string, pattern: RegExp): CueHit[] {
  return allMatches(normalised, pattern).map((m) => ({
    rule,
    matched: m[0],
    index: m.index,
  }));
}

// ------------------------------------------------------------------------------------------ organisation

const ORGANISATION_CUES: ReadonlyArray<readonly [Exclude<Organisation, 'unknown'>, string, RegExp]> = [
  [
    'cpam',
    'org.cpam',
    /\b(cpam|securite sociale|cra|commission de recours amiable|carte vitale|medecin conseil|puma|pole social|regime general|conciliateur de (la )?cpam|mediateur de (la )?cpam|3646)\b/,
  ],
  [
    'insurer',
    'org.insurer',
    /\b(assureurs?|assurance sante|mon assurance|(l|son|leur|votre) assurance|compagnie|axa|allianz|generali|swiss life|april|groupama|mediateur de l assurance|primes?)\b/,
  ],
  [
    'mutuelle',
    'org.mutuelle',
    /\b(mutuelles?|mgen|harmonie|mnt|mutualite|mgefi|ociane|apivia|mediateur de la mutualite|adherente?s?|reglement mutualiste)\b/,
  ],
];

/**
 * Mentions that do not name the other party: the CPAM as a reference ("non remboursé par la Sécurité sociale",
 * "numéro de sécurité sociale"), a mutuelle in general ("une mutuelle", "ma nouvelle mutuelle", "pas de mutuelle").
 */
const NOT_THE_OTHER_PARTY =
  /\b((non |pas )?(remboursee?s?|rembourse|pris en charge|prise en charge|base) (par|de) la securite sociale|numero de securite sociale|(une|deux|nouvelle|soi disant|pas de) mutuelles?|moins la securite sociale)\b/g;

export interface OrganisationGuess {
  organisation: Organisation;
  confidence: number;
  hits: CueHit[];
}

/**
 * Who the dispute is with. A complementary body named beside the CPAM wins (members cite the CPAM as context:
 * "la sécu a payé sa part mais la mutuelle rien"), unless the CPAM is the subject of the category.
 */
export function organisationFromCues(normalised: string, cpamCategory: boolean): OrganisationGuess {
  const masked = normalised.replace(NOT_THE_OTHER_PARTY, (m) => ' '.repeat(m.length));
  const byOrg = new Map<Organisation, CueHit[]>();
  for (const [org, rule, pattern] of ORGANISATION_CUES) {
    const found = hits(masked, rule, pattern);
    if (found.length > 0) byOrg.set(org, found);
  }
  const cpam = byOrg.get('cpam') ?? [];
  const mutuelle = byOrg.get('mutuelle') ?? [];
  const insurer = byOrg.get('insurer') ?? [];
  const complementary: Array<[Organisation, CueHit[]]> = [];
  if (mutuelle.length > 0) complementary.push(['mutuelle', mutuelle]);
  if (insurer.length > 0) complementary.push(['insurer', insurer]);
  complementary.sort((a, b) => b[1].length - a[1].length || a[1][0]!.index - b[1][0]!.index);

  // "Ma complémentaire" names a complementary body without saying which kind: not the CPAM.
  const complementaryUnnamed = /\bcomplementaire\b/.test(masked) && complementary.length === 0;
  if (cpam.length > 0 && (cpamCategory || (complementary.length === 0 && !complementaryUnnamed))) {
    return { organisation: 'cpam', confidence: complementary.length === 0 ? 0.9 : 0.65, hits: cpam };
  }
  const first = complementary[0];
  if (first) {
    const contested = complementary.length > 1 || cpam.length > 0;
    return { organisation: first[0], confidence: contested ? 0.65 : 0.9, hits: first[1] };
  }
  if (cpamCategory) return { organisation: 'cpam', confidence: 0.6, hits: [] };
  return { organisation: 'unknown', confidence: 0.5, hits: [] };
}

// ------------------------------------------------------------------------------------------------- stage

/** What the member says was NOT done yet ("je n'ai pas encore écrit") does not count. */
const NEGATED = /\b(pas|jamais|sans|avant de|rien)\s+(encore\s+|avoir\s+|ete\s+)?$/;

const STAGE_CUES: ReadonlyArray<readonly [Stage, string, RegExp]> = [
  [
    'court',
    'stage.court',
    /\b(tribunal|tribunaux|juge|justice|avocat|assign\w*|pole social|prud hommes|audience|proces|porte plainte|requete au)\b/,
  ],
  [
    'mediation',
    'stage.mediation',
    /\b(saisi\w*|saisine|soumis|depose\w*|porte\w*|chez|aupres)\b(\s+\w+){0,4}\s+(mediateur|mediation|conciliateur|defenseur des droits)|\b(mediateur|conciliateur|mediation|defenseur des droits)\b(\s+\w+){0,6}\s+(saisi\w*|a ete saisi|est saisi)\b|\battends son avis\b/,
  ],
  [
    'reminder_unanswered',
    'stage.reminder',
    /\b(relanc\w*|ecrit (deux|2|trois|3) fois|(deux|2|trois|3|plusieurs) (courriers|lettres|mails|reclamations)|deuxieme courrier|(mes|des|plusieurs) (demandes|reclamations) ecrites|(mes|des|plusieurs|\d+) messages( \w+){0,3} (envoyes|sans reponse)|envoie des messages)\b/,
  ],
  [
    'written_complaint_sent',
    'stage.written',
    /\b(ecri(t|te|ts|tes|s|vons|vez)|courriers?|lettres?|(lettre|courrier|par|en|un|envoi|envoye) recommande\w*|recommande avec|reclamation (ecrite|adressee|envoyee|faite)|presente reclamation|par la presente|mise en demeure|mails?|messages?|cra|commission de recours amiable|recours amiable|formulaire de contact|je soussigne\w*|je vous (adresse|ai adresse|ai envoye|ai transmis)|j ai (adresse|transmis) (une|ma|un|mon))\b/,
  ],
  [
    'customer_service_contacted',
    'stage.customer_service',
    /\b(appel\w*|telephon\w*|conseill(er|ere|ers|eres)|service client|service adherents?|chat|agence|accueil|rappel\w*|plateforme|coup de fil|discute|contacte|joindre|injoignable|interlocuteur|personne ne repond|ne repond\w* (pas|jamais)|repond\w* (pas|jamais)|attente)\b/,
  ],
];

/**
 * A cue describes something the organisation did, not the member ("j'ai reçu un courrier", "annoncée par
 * courrier", "on m'a appelé", "c'est écrit dans le contrat"), so it is not a step the member took.
 */
const NOT_MEMBER_BEFORE =
  /\b(recu|recois|reception|annonce\w* par|m (a|ont) (envoye|adresse|appele)|m envoie\w*|m envoient|c est|reponse|transmettre par|donner par|ceux que j ai|periode d|delai d)\s+(\w+\s+){0,2}$|\bm (a|ont)\s+$|\bpropose\w*( \w+){0,2} par\s+$/;
const NOT_MEMBER_AFTER =
  /^\s*(de refus|de la (cpam|securite sociale)|comme quoi|qui me reclame|nulle part|dans)/;

export interface StageGuess {
  stage: Stage;
  confidence: number;
  hits: CueHit[];
}

/**
 * For a termination, the member's own request on a durable medium (letter, e-mail, online button, via the new
 * insurer) is the written step: it dates the dispute (GUIDE.md, "stage"). Asking how to terminate is not.
 */
const TERMINATION_SENT =
  /\b((j ai|nous avons|avoir|ai) (bien )?resili\w*|resiliation (envoyee|adressee|faite|demandee|recue|perdue|effectuee|par|en ligne)|resilie (en|le|par|via|depuis|au)|(envoye|adresse|notifie|demande) (ma|la|sa|mon|notre) (demande de )?resiliation|demande de resiliation (envoyee|par|adressee)|ma resiliation (du|de|ne|a ete|avait|n a)|(recu|pris en compte|perdu|confirmer) (ma|la) resiliation|envoye la resiliation|resiliation( \w+){0,2} (non prise en compte|pas prise en compte|n a pas ete))\b/;

/** The furthest step the text says was taken. */
export function stageFromCues(normalised: string, termination = false): StageGuess {
  for (const [stage, rule, pattern] of STAGE_CUES) {
    const found = hits(normalised, rule, pattern).filter((h) => {
      const before = normalised.slice(Math.max(0, h.index - 30), h.index);
      const after = normalised.slice(h.index + h.matched.length, h.index + h.matched.length + 20);
      if (NEGATED.test(before)) return false;
      // Letters and calls can come from the organisation; a court or a mediator is always the member's step.
      if (stage !== 'written_complaint_sent' && stage !== 'customer_service_contacted') return true;
      const incomingLetter = /courrier|lettre|mail|message/.test(h.matched) && NOT_MEMBER_AFTER.test(after);
      return !NOT_MEMBER_BEFORE.test(before) && !incomingLetter;
    });
    if (stage === 'written_complaint_sent' && termination)
      found.push(...hits(normalised, 'stage.termination_sent', TERMINATION_SENT));
    if (found.length > 0)
      return { stage, confidence: stage === 'customer_service_contacted' ? 0.7 : 0.8, hits: found };
  }
  return { stage: 'none', confidence: 0.55, hits: [] };
}

// ------------------------------------------------------------------------------------------ other facts

/** The professional already answered the written complaint negatively (opens mediation, L612-2 / FNMF rules). */
export function negativeAnswerCue(normalised: string): CueHit | null {
  return (
    hits(
      normalised,
      'fact.negative_answer',
      /\b(reponse negative|reponse defavorable|ont repondu|a repondu|m a repondu|maintien\w*( \w+){0,2} (refus|position|decision)|oppose un refus|refus (le|en|par lettre)|rejet\w* (de )?(ma|mon) (reclamation|recours))\b/,
    )[0] ?? null
  );
}

/** The member already went to the CPAM's commission de recours amiable (CSS R142-1). */
export function craReferralCue(normalised: string): CueHit | null {
  return (
    hits(normalised, 'fact.cra_referral', /\b(cra|commission de recours amiable|recours amiable)\b/)[0] ??
    null
  );
}

export type CareDomain =
  | 'dentaire'
  | 'optique'
  | 'auditif'
  | 'hospitalisation'
  | 'pharmacie'
  | 'consultation'
  | 'paramedical'
  | 'arret de travail'
  | 'transport';

const DOMAIN_CUES: ReadonlyArray<readonly [CareDomain, RegExp]> = [
  [
    'dentaire',
    /\b(dent\w*|couronnes?|implant\w*|bridge|orthodont\w*|detartrage|inlay\w*|protheses? dentaires?)\b/,
  ],
  ['optique', /\b(lunettes|verres|montures?|lentilles|optique|opticien)\b/],
  ['auditif', /\b(auditi\w*|audioprothes\w*|appareil auditif)\b/],
  ['hospitalisation', /\b(hospitalis\w*|clinique|chambre particuliere|hopital|chirurgi\w*|operation)\b/],
  ['arret de travail', /\b(indemnites journalieres|arret (de travail|maladie))\b/],
  ['transport', /\b(taxi|transports?( sanitaire)?|ambulance)\b/],
  ['pharmacie', /\b(medicaments?|traitement)\b/],
  ['paramedical', /\b(kinesitherapeute|kinesitherapie|osteo\w*|psycholog\w*|orthophon\w*|podolog\w*)\b/],
  [
    'consultation',
    /\b(consultation|generaliste|specialiste|dermatologue|gynecologue|ophtalmologiste|pediatre)\b/,
  ],
];

/** The kind of care the dispute is about, for the summary ("un remboursement dentaire"). */
export function careDomainCue(normalised: string): CareDomain | null {
  for (const [domain, pattern] of DOMAIN_CUES) if (pattern.test(normalised)) return domain;
  return null;
}
