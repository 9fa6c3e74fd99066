import type { CalendarDate } from '../shared/calendar-date.ts';
import { allMatches } from '../shared/regexp.ts';
import { type DateMention, foldSameLength } from './extract.ts';
import { type EventKind, type Stage, stageRank } from './labels.ts';
import { rewriteToken } from './normalise.ts';

/**
 * Sentence-level reading of a member's story: which step each sentence reports, who took it (the member or the
 * organisation), and which date belongs to which event. Real messages tell several events with several dates
 * (« arrêt de janvier … courrier de refus reçu le 15 octobre … j'ai appelé le 3 ») and mention plans and
 * questions (« dois-je saisir le médiateur ? »): a step counts only when the member says it was taken.
 *
 * Conventions (corpus/triage/GUIDE.md, issue #11): a call, an e-mail, a chat, a message in the member's space or
 * a visit is `customer_service`; only a letter, a registered letter, a formal complaint to the complaints
 * department, a formal notice or a recourse to the CRA is a `written_complaint`. Pure.
 */

export type { EventKind };

export interface ReadEvent {
  kind: EventKind;
  /** The normalised words that matched (for the evidence). */
  matched: string;
  /** Offsets in the original text of the sentence that reports it. */
  sentenceStart: number;
  sentenceEnd: number;
  /** Position of the cue in the original text (approximate: start of the sentence plus the folded offset). */
  at: number;
  /** The member's medium for a termination request, a reminder or a contact. */
  medium: 'letter' | 'online' | 'phone' | 'visit' | null;
  /** For an answer: negative (refusal, rejection, maintained position) or not. */
  negative: boolean;
  /** The date told with this event, if any. */
  date: DateMention | null;
  /** How sure the reading is that this event happened as read (0–1). */
  confidence: number;
  /** A call or contact that, for a refusal of care, is the refusal itself rather than a step. */
  careCall?: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  question: boolean;
}

/** Sentences of the original text: split on . ! ? ; and line breaks (not inside numbers like 12.10.2026). */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number, question: boolean) => {
    const raw = text.slice(start, end);
    if (raw.trim().length > 0) out.push({ start, end, text: raw, question });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const boundary =
      ch === '\n' ||
      ch === '!' ||
      ch === '?' ||
      ch === ';' ||
      (ch === '.' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')));
    if (!boundary) continue;
    let end = i + 1;
    while (end < text.length && /[.!?]/.test(text[end]!)) end++;
    push(end, text.slice(i, end).includes('?'));
    start = end;
    i = end - 1;
  }
  push(text.length, false);
  return out;
}

// ---------------------------------------------------------------------------------------------- cue lists

/** What the member plans, asks or is told to do is not a step (« je vais saisir », « dois-je écrire », « m'a dit de »). */
const INTENTION_BEFORE =
  /\b(vais|va|allons|veux|voudrais|voulais|voulu|souhaite|souhaiterais|compte|comptons|pense|envisage|intention de|dois je|dois|devrais|devrai|faut il|faut|faudra|faudrait|pourrai\w*|pourrais|peux je|puis je|peut on|est ce qu\w*|comment|conseille\w*|parle\w* d\w*|menace\w*|propose\w*|avant de|plutot que|prochaine? etape|auraient|aurait|pourraient|pu|besoin|aide pour|formuler|rediger|preparer|modele|pour|parait|existe|il y a|fallait|(dit|demande|explique|conseille|indique|precise|repondu) (de|d|que il fallait|que je devais|que il faut|que je dois))\s+(\w+\s+){0,4}$/;
/** What the member did not do (« je n'ai pas encore appelé », « aucun courrier », « sans relance »). */
const NEGATED_BEFORE = /\b(pas|jamais|sans|rien|aucun|aucune|ni|plus|pas encore|jamais eu)\s+(\w+\s+){0,2}$/;
const NEGATED_AFTER = /^\s*(personne|rien|aucun\w*|jamais)\b/;
/** Infinitives are plans or attempts; only attempts (« essayé de joindre ») count as contact (GUIDE.md). */
const ATTEMPT_BEFORE =
  /\b(essaye\w*|tente\w*|impossible|arrive\w*|cherche\w*|reussi|essaie|essayer)\s+(\w+\s+){0,3}$/;
/** The organisation or a salesman sent, called or wrote (« il a envoyé un courrier », « la CPAM envoie »). */
const THIRD_PARTY_BEFORE =
  /\b(il|elle|ils|elles|qui|cpam|caisse|mutuelle|assureur|assurance|complementaire|securite sociale|medecin conseil|commercial|vendeur|employeur|banque|organisme)( m| me| nous| lui| leur| l)?( a| ont| avait| avaient| ait)?( deja| encore| bien| meme)? (envoye\w*|envoie\w*|adresse\w*|ecrit|appele\w*|rappele\w*|telephone)\s+(\w+\s+){0,3}$/;
/** Verbs of the past that make a step a fact even inside a question (« j'ai saisi la CRA, c'est encore possible ? »). */
const PAST_MARKER =
  /\b(j ai|ai|avons|a ete|ont ete|deja|avais|avait|etait|suis alle\w*|sommes|est saisi|est chez)\b/;
/** A letter the member received, not one he sent (« j'ai reçu un courrier … recommandé avec AR »). */
const INCOMING_SENTENCE =
  /\b((j ai|nous avons|on a|ai|avons) (bien )?(recu|eu)|m (a|ont|avait|avaient) (envoye|ecrit|adresse|notifie|repondu)|recu (un|le|leur|son|sa|une|ce|cette|des|les)|je recois|on recoit)\b/;
const MEMBER_SENDING =
  /\b((j ai|nous avons|on a|ai|avons|j avais|nous avions)( \w+){0,3} (envoye\w*|adresse\w*|ecrit|poste|expedie|fait|redige|depose|conteste|saisi|renvoye\w*|transmis)|je (vous )?(ecris|adresse|envoie|conteste|signale|demande)|je vous ai (ecrit|adresse|envoye|signale)|(envoye\w*|adresse\w*|expedie\w*|poste\w*) (le|ce|hier|aujourd|en|par|au|a))\b/;

/** Incoming: the organisation wrote, called or answered (« j'ai reçu un courrier », « ils m'ont écrit »). */
const INCOMING_BEFORE =
  /\b(recu|recois|recevoir|reception|recu\w*|m a|m ont|m ait|nous a|nous ont|m envoie\w*|m envoient|leur|leurs|sa|son|ses|votre|vos|tous les|toutes les|dans (le|la|leur|son|sa)|c est|lettres? de|mail de|courrier de|reponse|repondu|annonce\w*|informe\w*|dit|disant|explique\w*|precise\w*|que le|que la|arrive\w*|parvenu\w*|notifie\w*|lire|lu|ouvert|ouvrir|les)\s+(\w+\s+){0,2}$/;
const INCOMING_AFTER =
  /^\s*(\w+\s+){0,1}(de (refus|rejet|relance|confirmation|la cpam|la caisse|la securite sociale|ma mutuelle|la mutuelle|l assureur|mon assureur|l assurance|leur|notification|mise en demeure|recouvrement)|du (\d|1er)|date|dat\w+|qui (me|m|nous)|me (reclam|demand|dis|disant|inform)|m (inform|annon)|comme quoi|recu|arrive|automatique|nulle part|dans|partent|arrivent|vont|sont (envoyes|adresses)|y compris|preala\w*|(du|de la|de l|de mon|de ma) (medecin|cpam|caisse|mutuelle|assureur|securite|commission|cra|employeur|banque|huissier))/;

/** The member's written complaint: a letter, a registered letter, a formal complaint, a formal notice. */
const WRITTEN =
  /\b(lettres? recommandees?|recommandees?|recommandes?|lrar|lre|ar\b|courriers?|lettres?|reclamations? (ecrites?|formelles?|officielles?)|service (des )?reclamations?|services? reclamations?|mise en demeure|par la presente|je vous (ecris|adresse|informe|ai adresse|ai ecrit|ai envoye|notifie|demande)|je soussigne\w*|ecrit|ecrite|ecrits|avons ecrit|ai ecrit)\b/g;
/** Online or by phone: the contact with customer service (not a written complaint, issue #11). */
const ONLINE =
  /\b(mails?|messages?|messagerie|chat|tchat|formulaires?|appli\w*|espace (adherent|client|assure|personnel)|site|en ligne|sms|internet|bouton)\b/;
const CUSTOMER_SERVICE =
  /\b(appel\w*|telephon\w*|rappel\w*|conseill(er|ere|ers|eres)|service (client|clients|adherents?|gestion|relation)|chat|tchat|agence|accueil|guichet|plateforme|coup de fil|contacte\w*|joindre|joint|injoignable|interlocut\w*|personne ne repond|ne repond\w* (pas|jamais|plus)|attente|mails?|messages?|messagerie|formulaires?|3646|eu (quelqu un|une conseillere|un conseiller|le service)|passe\w* (a|au) l? ?(agence|accueil))\b/g;
const REMINDER =
  /\b(relanc\w*|renvoye\w* (une|un|la|le|ma|mon) (lettre|courrier|recommande|reclamation)|(deuxieme|2e|2eme|troisieme|3e|3eme|4e|4eme|quatrieme|nouvelle?|autre|second|seconde) (lettre|courrier|recommande|reclamation|relance)|reecrit|re ecrit|ecrit (a nouveau|encore|une nouvelle fois|(deux|trois|quatre|2|3|4) fois|plusieurs fois)|(deux|trois|quatre|2|3|4|plusieurs|mes) (lettres|courriers|recommandes|reclamations ecrites)|(lettres|courriers|recommandes) (restes?|sans reponse)|pour la (\d|deuxieme|troisieme|quatrieme|\d+e|\d+eme) fois)\b/g;
/** Reminders the organisation sends for unpaid contributions are not the member's. */
const NOT_MEMBER_REMINDER_BEFORE =
  /\b(m (a|ont)|me|nous|lettres? de|courriers? de|avis de|ils)\s+(\w+\s+){0,1}$/;
const NOT_MEMBER_REMINDER_AFTER =
  /^\s*(\w+\s+){0,1}(de paiement|pour (impaye|les impayes|non paiement)|d impaye|me|m)/;
const CRA =
  /\b(cra|commission (medicale )?de recours amiable|commission de recours|recours amiable|cmra|la commission)\b/g;
/** A step the member says he has not taken, a few words before or after its name. */
const NOT_DONE_BEFORE =
  /\b(ne|n) (ai|avons|avais|a)\s+(pas|jamais)\s+(encore\s+)?(fait|saisi\w*|depose|envoye|forme|exerce|ecrit)\b\s+(\w+\s+){0,4}$/;
const NOT_DONE_AFTER = /^[\w\s,]{0,60}?\b(ce que|que) (je|nous) (ne|n) (ai|avons|avais|l ai) (pas|jamais)\b/;
const MEDIATION_NAMES = /\b(mediat\w*|conciliat\w*|defenseur des droits)\b/g;
const MEDIATION_TAKEN_BEFORE =
  /\b(saisi\w*|saisine|fait appel|ecrit|signale\w*|adresse\w*|envoye\w*|depose\w*|porte\w*|chez|aupres d\w*|soumis|transmis|contacte\w*|recours)\s+(\w+\s+){0,4}$/;
const MEDIATION_TAKEN_AFTER =
  /^\s*(\w+\s+){0,4}(a ete saisi\w*|est saisi\w*|saisi\w*|m a (repondu|dit|donne|informe|ecrit)|a (repondu|rendu|accuse|donne|obtenu|transmis|tranche|propose|statue)|rend\w*|examine|accuse|s est declare|avis (rendu|favorable|defavorable)|me donne|m a donne|en cours|depuis)\b/;
const COURT =
  /\b(tribunal|tribunaux|pole social|prud hommes|juge( des contentieux)?|avocat|audience|assign\w*|porte plainte|proces|injonction de payer|huissier de justice)\b/g;
const COURT_TAKEN =
  /\b(saisi\w*|assign\w*|devant|audience|renvoy\w*|avocat|procedure|en cours|depuis|plaidoirie|fixee|prevue|dossier est|jugement|mon avocat|a rendu)\b/;
/** A termination request on a durable medium dates the dispute (GUIDE.md). */
const TERMINATION =
  /\b((j ai|nous avons|avoir|ai|a|avais|j avais|elle a|il a) (bien )?resili\w*|resiliation (envoyee|adressee|faite|demandee|recue|perdue|effectuee|par|en ligne|du|datee|ne|n a|non|pas|a ete|avait|envoye)|resilie (en|le|par|via|depuis|au|ma|mon|mon contrat|il y a)|(envoye|adresse|notifie|demande|transmis|fait|envoyer|faire) (ma|la|sa|mon|notre) (demande de )?resiliation|demande de resiliation|ma resiliation|(recu|pris en compte|perdu|confirmer|traite) (ma|la) resiliation|lettre de resiliation|resiliation( \w+){0,2} (non prise en compte|pas prise en compte|n a pas ete|ignoree))\b/g;
/** The new insurer or mutuelle terminated the old contract for the member (résiliation infra-annuelle). */
const TERMINATION_BY_NEW =
  /\b(nouvel?l?e? (mutuelle|assureur|complementaire|assurance|organisme))( \w+){0,8} (resiliation|resilier|resilie)|(s est|s occupe\w*|charge\w*) (\w+ ){0,2}(de la |de ma )?resiliation|via (la|ma) nouvelle\b/g;
const INVOICE_IN =
  /\b(factures?|feuilles? de soins|decomptes?|justificatifs?|ordonnances?|attestations?|rib|formulaire|dossier d|certificat|acte de|papiers)\b/;
const ANSWER =
  /\b((ils|elle|il|on|la mutuelle|l assureur|la cpam|la caisse|la commission|la cra|qui) (m |nous )?(ont|a|m a|m ont|nous a|nous ont) (repondu|rejete|refuse|maintenu|confirme)|(m|nous) (a|ont) repondu|reponse (negative|defavorable|ecrite|du|le|recue|datee|en date|par courrier|par mail|favorable|positive)|(refus|rejet)\w* (de|du|par) (la )?(cra|commission|ma reclamation|mon recours|ma demande)|la commission a (rejete|refuse)|la cra a (rejete|refuse)|maint\w* (leur|sa|son|la) (position|refus|decision)|confirme\w* (le|leur|son) refus|decision de rejet|rejet de (la cra|la commission|mon recours)|ils maintiennent|refus (ecrit|motive)|se borne)\b/g;
const NEGATIVE_ANSWER =
  /\b(refus\w*|rejet\w*|maint\w*|negative|defavorable|pas droit|n ai pas droit|conforme|irrecevable|exclu\w*|ne (peut|peuvent|pourra)|impossible|tort|confirme|se borne|hors delai|pas (couvert|pris|prevu)|non (couvert|pris)|dit que|disant que)\b/;
const POSITIVE_ANSWER =
  /\b(favorable|positive|donne raison|accord\w*|accepte\w*|rembourse\w* integralement)\b/;
const AUTOMATIC = /\b(automatique|automatiques|accuse de reception|ar\b)\b/;
const DECISION =
  /\b(notifi\w*|decision|courrier de refus|lettre de refus|refus (recu|notifie)|recu (le|un|une|la|leur|son|sa|ce|cette) (courrier|lettre|notification|decision|refus)|courrier (de la|du|de ma|de leur) (cpam|caisse|securite sociale)|(cpam|caisse|securite sociale|medecin conseil) (a|m a|nous a|vient de|me) (\w+ ){0,2}(refus\w*|rejet\w*|supprim\w*|reclam\w*|decid\w*|notifi\w*|arret\w*|demand\w*|accord\w*)|m a notifie|m ont notifie|a decide|suppression|refus de (prise en charge|remboursement|reconnaissance)|reclame|indu|trop percu|date du|datee du)\b/g;
const DECISION_RECEIPT = /\b(recu|reception|arrive\w*|eu (le|la)|notifi\w*|avons eu|ai eu)\b/;
const CARE =
  /\b(opere\w*|operation|hospitalis\w*|accouch\w*|consultation|seances?|arret( de travail| maladie)?|accident|intervention|pose|extraction|cure|chimio\w*|infarctus|chute|achete\w*|paye\w*|soins|devis|lunettes|couronnes?|implants?|naissance|ne le|nee le|deces|decede\w*|licenci\w*|fin de (contrat|cdd)|rupture|demission|embauche\w*|retraite|demenag\w*|enceinte|cotisations?|hausse|augment\w*|prelev\w*|echeance|effet|adhesion|adhere\w*|souscri\w*|depuis)\b/g;
const INVOICE =
  /\b(envoye|transmis|depose|renvoye|adresse|fait suivre|envoie|envoyer|transmettre|remis) (\w+ ){0,2}(la |les |ma |mes |une |des )?(factures?|feuilles? de soins|decomptes?|devis|justificatifs?|ordonnances?|attestations?|pieces?|documents?|rib)\b/g;

// ------------------------------------------------------------------------------------------------ reading

/** A cue inside one sentence, with its offset in the sentence's normalised text. */
interface Cue {
  kind: EventKind;
  index: number;
  matched: string;
  medium: ReadEvent['medium'];
  negative: boolean;
  weight: number;
  careCall?: boolean;
}

const matches = allMatches;

function mediumOf(clause: string): ReadEvent['medium'] {
  if (/\b(recommande\w*|lrar|courriers?|lettres?|par ecrit|la poste)\b/.test(clause)) return 'letter';
  if (ONLINE.test(clause)) return 'online';
  if (/\b(appel\w*|telephon\w*|tel|coup de fil|rappel\w*)\b/.test(clause)) return 'phone';
  if (/\b(agence|accueil|guichet|sur place)\b/.test(clause)) return 'visit';
  return null;
}

/** The comma-delimited chunk around an index of the normalised sentence (for the medium of a cue). */
function chunkAround(sentence: string, index: number, length: number): string {
  const left = sentence.lastIndexOf(',', index);
  const before = sentence.slice(0, index);
  const cut = Math.max(left, before.lastIndexOf(' puis '), before.lastIndexOf(' et '));
  const right = sentence.slice(index + length).search(/,| puis | et /);
  return sentence.slice(cut < 0 ? 0 : cut, right < 0 ? sentence.length : index + length + right);
}

function isIntention(before: string, sentenceIsQuestion: boolean, after = ''): boolean {
  const recent = before.slice(-50);
  if (NEGATED_AFTER.test(after)) return true;
  if (NEGATED_BEFORE.test(recent)) return true;
  if (INTENTION_BEFORE.test(recent)) return true;
  return sentenceIsQuestion && !PAST_MARKER.test(before);
}

interface TextContext {
  /** The text is itself a letter (« Madame, Monsieur », « par la présente », « objet : »). */
  letterLike: boolean;
}

function cuesOf(sentence: string, isQuestion: boolean, context: TextContext): Cue[] {
  // Commas are kept by the sentence normaliser below as " , " so that chunks can be found.
  const cues: Cue[] = [];
  const add = (
    kind: EventKind,
    m: RegExpExecArray,
    opts: Partial<Pick<Cue, 'medium' | 'negative' | 'weight' | 'careCall'>> = {},
  ) =>
    cues.push({
      kind,
      index: m.index,
      matched: m[0],
      medium: opts.medium ?? null,
      negative: opts.negative ?? false,
      weight: opts.weight ?? 1,
      ...(opts.careCall ? { careCall: true } : {}),
    });
  const before = (m: RegExpExecArray) => sentence.slice(Math.max(0, m.index - 60), m.index);
  const after = (m: RegExpExecArray) => sentence.slice(m.index + m[0].length, m.index + m[0].length + 40);

  for (const m of matches(sentence, COURT)) {
    const b = before(m);
    if (isIntention(b, isQuestion)) continue;
    const around = `${b.slice(-30)} ${m[0]} ${after(m)}`;
    if (/^avocat|^huissier/.test(m[0]) && !/\b(mon|notre|un|l|j ai|a pris|pris)\b/.test(b.slice(-20)))
      continue;
    if (m[0] === 'juge' && !COURT_TAKEN.test(around)) continue;
    if (!COURT_TAKEN.test(around) && !/\b(j ai|nous avons|a ete|est|sommes|suis)\b/.test(b.slice(-40)))
      continue;
    add('court', m);
  }
  for (const m of matches(sentence, MEDIATION_NAMES)) {
    const b = before(m);
    if (isIntention(b.replace(/\b(le|la|au|du|de la|l)\s+$/, ''), isQuestion)) continue;
    if (MEDIATION_TAKEN_BEFORE.test(b) || MEDIATION_TAKEN_AFTER.test(after(m))) add('mediation', m);
  }
  for (const m of matches(sentence, CRA)) {
    const b = before(m);
    if (isIntention(b.replace(/\b(la|le|a|au|devant|aupres de)\s+$/, ''), isQuestion)) continue;
    // « je n'ai pas fait de recours à la CRA », « … devant la commission, ce que je n'ai pas encore fait »
    if (NOT_DONE_BEFORE.test(b.slice(-60)) || NOT_DONE_AFTER.test(after(m))) continue;
    if (
      /\b(saisi\w*|recours|contest\w*|ecrit|adresse\w*|envoye\w*|depose\w*|devant|aupres|fait)\s+(\w+\s+){0,5}$/.test(
        b,
      ) ||
      /^\s*(\w+\s+){0,4}(saisie?|le \d|en \w+|du \d|a ete saisie?|envoye\w*|adresse\w*|par (lettre|courrier|recommande))/.test(
        after(m),
      ) ||
      false ||
      /\b(mon|ma) (recours|dossier)\s+(\w+\s+){0,2}$/.test(b)
    )
      add('cra_referral', m, { medium: 'letter', weight: 1 });
    else if (/^(\w+\s+){0,2}(a|n a|ne m a) (rejete|refuse|repondu|statue|pas)/.test(after(m).trimStart()))
      // « la commission a rejeté » says the CRA was seized, but dates the answer, not the recourse.
      add('cra_referral', m, { medium: 'letter', weight: 0.2 });
  }
  for (const m of matches(sentence, REMINDER)) {
    const b = before(m);
    if (isIntention(b, isQuestion)) continue;
    if (NOT_MEMBER_REMINDER_BEFORE.test(b) || NOT_MEMBER_REMINDER_AFTER.test(after(m))) continue;
    add('reminder', m, { medium: mediumOf(chunkAround(sentence, m.index, m[0].length)) });
  }
  for (const m of matches(sentence, TERMINATION)) {
    if (isIntention(before(m), isQuestion)) continue;
    if (/^\s*(\w+\s+){0,2}(comment|possible|faut)/.test(after(m))) continue;
    add('termination_request', m, { medium: mediumOf(chunkAround(sentence, m.index, m[0].length)) });
  }
  const memberSentence = MEMBER_SENDING.test(sentence) || /\bpar (courrier|lettre)\b/.test(sentence);
  const incomingSentence = INCOMING_SENTENCE.test(sentence) && !memberSentence;
  for (const m of matches(sentence, TERMINATION_BY_NEW)) add('termination_request', m, { medium: 'letter' });
  for (const m of matches(sentence, WRITTEN)) {
    const b = before(m);
    if (isIntention(b, isQuestion)) continue;
    // « Je vous écris » opens a letter, or a forum post; « je vous ai écrit le… » is an earlier letter.
    if (/^je vous (ecris|adresse|informe|notifie|demande)$/.test(m[0]) && !context.letterLike) continue;
    if (THIRD_PARTY_BEFORE.test(b.slice(-60)) || NEGATED_AFTER.test(after(m))) continue;
    const letterChunk = chunkAround(sentence, m.index, m[0].length);
    if (INVOICE_IN.test(letterChunk) && !/\b(reclam\w*|contest\w*|recours)\b/.test(letterChunk)) continue;
    if (incomingSentence && !/^(je |par la presente|service|reclamation|mise en demeure)/.test(m[0]))
      continue;
    if (
      /^ecri/.test(m[0]) &&
      /\b(demande\w*|exige\w*|veulent|faut|rien|tout) (un |par |l )?$/.test(b.slice(-20))
    )
      continue;
    const chunk = chunkAround(sentence, m.index, m[0].length);
    const word = m[0];
    const generic = /^(ecrit|ecrite|ecrits|avons ecrit|ai ecrit)$/.test(word);
    if (
      generic &&
      (ONLINE.test(chunk) || /\b(c est|est|etait|sont) ecrit|ecrit (dans|sur|en|nulle|noir|nul)/.test(chunk))
    )
      continue;
    if (
      /^(courriers?|lettres?|recommandees?|recommandes?|ar)$/.test(word) &&
      INCOMING_BEFORE.test(b.slice(-40))
    )
      continue;
    // « Courrier du 22 septembre à mon assureur » opening a sentence is the member's letter.
    const opensSentence = m.index < 3;
    if (
      /^(courriers?|lettres?)$/.test(word) &&
      INCOMING_AFTER.test(after(m)) &&
      !memberSentence &&
      !opensSentence
    )
      continue;
    if (word === 'ar' && !/\b(lettre|recommande|avec|en|courrier)\s+$/.test(b)) continue;
    if (/^(recommandees?|recommandes?)$/.test(word) && /\b(m a|m ont|nous a|recu)\b/.test(b.slice(-25)))
      continue;
    if (
      /^mise en demeure$/.test(word) &&
      /\b(m|me|nous|recu|leur|de leur|une)\s+(\w+\s+){0,2}$/.test(b.slice(-25))
    )
      continue;
    if (/^ecri/.test(word) && /\b(m|me|nous|ils|elle|on) (ont |a |m )?$/.test(b.slice(-12))) continue;
    add('written_complaint', m, { medium: 'letter', weight: generic ? 0.8 : 1 });
  }
  const marketing = /\b(commercial|vendeur|demarch\w*|comparateur\w*|publicite|souscri\w*|arnaque)\b/.test(
    sentence,
  );
  for (const m of matches(sentence, CUSTOMER_SERVICE)) {
    const b = before(m);
    const word = m[0];
    if (/^(appeler|telephoner|contacter|rappeler|joindre)$/.test(word) && !ATTEMPT_BEFORE.test(b.slice(-40)))
      continue;
    if (!/^(joindre)$/.test(word) && isIntention(b, isQuestion, after(m))) continue;
    if (THIRD_PARTY_BEFORE.test(b.slice(-60))) continue;
    if (
      /^telephon\w*$/.test(word) &&
      !/\b(j ai|ai|avons|on a|j avais|au|par|deja)\s+$/.test(b.slice(-10)) &&
      !/^\s*(a|au|aux|plusieurs|deux|trois|\d)\b/.test(after(m))
    )
      continue;
    if (marketing && /^(appel\w*|rappel\w*|telephon\w*|conseill\w*)$/.test(word)) continue;
    if (/^(mails?|messages?)$/.test(m[0]) && INCOMING_BEFORE.test(b.slice(-30))) continue;
    if (/^(mails?|messages?)$/.test(m[0]) && INCOMING_AFTER.test(after(m))) continue;
    if (
      /^(appel\w*|rappel\w*|telephon\w*)$/.test(m[0]) &&
      /\b(m|me|nous|on m|l|les)( a| ont| avait| ait| avaient)?( deja| encore| bien| jamais)? $/.test(
        b.slice(-24),
      )
    )
      continue;
    // Calling the practice that refused care is how the refusal happened, not a step; calling back to complain is.
    // Marked here, filtered by the caller when the category is care_refused (one reading for every category).
    const careCall =
      /^(appel\w*|telephon\w*|contacte\w*|ne repond\w*|personne ne repond|joindre|attente)/.test(m[0]);
    if (
      /^(conseill\w*|agence|accueil|guichet)$/.test(m[0]) &&
      !/\b(j ai|nous avons|on a|ai|suis|sommes|avec|a l|au|un|une|la|le)\b/.test(b.slice(-20))
    )
      continue;
    if (
      /^(conseill\w*)$/.test(m[0]) &&
      /\b(ma |mon |de ma |de mon )?banque|commercial/.test(sentence.slice(m.index, m.index + 40))
    )
      continue;
    if (
      /^ne repond|^personne ne repond/.test(m[0]) &&
      !/\b(j ai|nous avons|on a|appel|mail|message|telephone|ecri|relanc)/.test(sentence)
    )
      continue;
    if (/^(message|messages)$/.test(m[0]) && /^\s*d erreur/.test(after(m))) continue;
    if (/^rappel\w*$/.test(m[0]) && /^\s*(de |du |des |que |qu )/.test(after(m))) continue;
    if (/^attente$/.test(m[0]) && /\b(liste|en|d|salle)\s+$/.test(b.slice(-8))) continue;
    add('customer_service', m, { medium: mediumOf(chunkAround(sentence, m.index, m[0].length)), careCall });
  }
  for (const m of matches(sentence, ANSWER)) {
    const chunk = `${sentence.slice(m.index, m.index + 120)}`;
    if (AUTOMATIC.test(chunk.slice(0, 40))) continue;
    if (isIntention(before(m), isQuestion) && !/\bont|a\b/.test(m[0])) continue;
    const negative = NEGATIVE_ANSWER.test(chunk) && !POSITIVE_ANSWER.test(chunk.slice(0, 60));
    add('answer_received', m, { negative });
  }
  for (const m of matches(sentence, DECISION)) add('decision_notified', m);
  for (const m of matches(sentence, CARE)) add('care', m, { weight: 0.6 });
  for (const m of matches(sentence, INVOICE)) add('invoice_sent', m, { weight: 1.2 });
  return cues;
}

/**
 * The sentence folded and rewritten like `normaliseText` (accents, SMS words), keeping commas as tokens and, for
 * every character, its offset in the original text: dates found in the original map exactly onto the cues.
 */
const WORD_OR_COMMA = /[a-z0-9]+|,/g;

export function mappedSentence(
  text: string,
  start: number,
  end: number,
): { text: string; offsets: number[] } {
  const folded = foldSameLength(text.slice(start, end)).replace(/€/g, 'e');
  const tokens = allMatches(folded, WORD_OR_COMMA);
  let out = '';
  const offsets: number[] = [];
  tokens.forEach((m, i) => {
    const word = m[0] === ',' ? ',' : rewriteToken(m[0], tokens[i - 1]?.[0], tokens[i + 1]?.[0]);
    if (out.length > 0) {
      out += ' ';
      offsets.push(start + m.index);
    }
    const exact = word === m[0];
    for (let k = 0; k < word.length; k++) {
      out += word[k];
      offsets.push(start + m.index + (exact ? k : Math.min(k, m[0].length - 1)));
    }
  });
  return { text: out, offsets };
}

/** Index in the mapped text of the first character at or after an original offset. */
function mappedIndex(offsets: ReadonlyArray<number>, original: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DATE_KINDS: ReadonlySet<EventKind> = new Set([
  'customer_service',
  'written_complaint',
  'cra_referral',
  'termination_request',
  'reminder',
  'mediation',
  'court',
  'answer_received',
  'decision_notified',
  'care',
  'invoice_sent',
]);

/**
 * Every event the text reports, sentence by sentence, each with the date told with it. A date goes to the cue
 * closest to it in its sentence, a cue before the date counting more than one after (« envoyé le 3 mai ») and a
 * comma in between counting against; a cue gets at most the dates that chose it.
 */
export function readEvents(text: string, dates: ReadonlyArray<DateMention>): ReadEvent[] {
  const events: ReadEvent[] = [];
  const folded = foldSameLength(text);
  const context: TextContext = {
    letterLike:
      /^\s*(madame|monsieur|objet|a l attention)|par la presente|je soussigne|veuillez agreer|je vous prie|contester formellement|reclamation formelle|je conteste|je vous demande de/.test(
        folded.replace(/[^a-z0-9]+/g, ' '),
      ),
  };
  for (const sentence of sentencesOf(text)) {
    const { text: normalised, offsets } = mappedSentence(text, sentence.start, sentence.end);
    const cues = cuesOf(normalised, sentence.question, context);
    if (cues.length === 0) continue;
    const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
    const chosen = new Map<Cue, DateMention[]>();
    for (const date of inSentence) {
      const dStart = mappedIndex(offsets, date.start);
      const dEnd = mappedIndex(offsets, date.end);
      let best: Cue | null = null;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const cue of cues) {
        if (!DATE_KINDS.has(cue.kind)) continue;
        const cueEnd = cue.index + cue.matched.length;
        const before = cueEnd <= dStart + 1;
        const gap = before ? dStart - cueEnd : cue.index - dEnd;
        const between = before
          ? normalised.slice(cueEnd, Math.max(cueEnd, dStart))
          : normalised.slice(dEnd, cue.index);
        const commas = (between.match(/ ,| puis | et | mais /g) ?? []).length;
        const score = (Math.max(0, gap) * (before ? 1 : 1.6) + commas * 25) / cue.weight;
        if (score < bestScore) {
          bestScore = score;
          best = cue;
        }
      }
      if (best) chosen.set(best, [...(chosen.get(best) ?? []), date]);
    }
    // One event per cue kind per chunk: several cues of one kind in a sentence count once unless dated apart.
    const seen = new Set<string>();
    for (const cue of cues) {
      const own = chosen.get(cue) ?? [];
      const key = `${cue.kind}:${own.map((d) => d.date).join(',')}`;
      if (own.length === 0 && seen.has(`${cue.kind}:`)) continue;
      if (seen.has(key)) continue;
      seen.add(key);
      const pick = pickDate(cue, own, folded);
      const base = own.length > 0 ? 0.85 : 0.7;
      events.push({
        kind: cue.kind,
        matched: cue.matched,
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
        at: offsets[cue.index] ?? sentence.start,
        medium: cue.medium,
        negative: cue.negative,
        date: pick,
        confidence: round(base * (pick && pick.precision === 'month' ? 0.9 : 1) * (cue.weight < 1 ? 0.9 : 1)),
        ...(cue.careCall ? { careCall: true } : {}),
      });
      for (const extra of own.filter((d) => d !== pick)) {
        events.push({ ...events.at(-1)!, date: extra, confidence: round(base * 0.8) });
      }
    }
  }
  return events;
}

/** For a decision, the date it was received wins over the date it bears (the 2 months run from notification). */
function pickDate(cue: Cue, own: ReadonlyArray<DateMention>, folded: string): DateMention | null {
  if (own.length === 0) return null;
  if (cue.kind === 'decision_notified' && own.length > 1) {
    const received = own.find((d) => DECISION_RECEIPT.test(folded.slice(Math.max(0, d.start - 30), d.start)));
    if (received) return received;
    return [...own].sort((a, b) => (a.date < b.date ? 1 : -1))[0]!;
  }
  return own[0]!;
}

// --------------------------------------------------------------------------------------------- conclusions

const MEMBER_STEPS: ReadonlyArray<EventKind> = [
  'customer_service',
  'written_complaint',
  'cra_referral',
  'termination_request',
  'reminder',
  'mediation',
  'court',
];

export interface StageReading {
  stage: Stage;
  confidence: number;
  /** The events that decided the stage. */
  events: ReadEvent[];
}

/**
 * The furthest step the member clearly took. A reminder needs a written complaint before it (a member who only
 * e-mailed and « relancé » is still at customer service); two written complaints make a reminder; for a
 * termination, the member's own request on a durable medium is the written step (GUIDE.md).
 */
export function stageFromEvents(events: ReadonlyArray<ReadEvent>, termination: boolean): StageReading {
  const of = (kind: EventKind) => events.filter((e) => e.kind === kind);
  const court = of('court');
  if (court.length > 0) return { stage: 'court', confidence: 0.85, events: court };
  const mediation = of('mediation');
  if (mediation.length > 0) return { stage: 'mediation', confidence: 0.85, events: mediation };

  const written = [...of('written_complaint'), ...of('cra_referral')];
  const requests = of('termination_request');
  const terminationWritten = termination
    ? [
        ...requests.filter((e) => e.medium !== 'phone' && e.medium !== 'visit'),
        // A termination asked on the phone, then confirmed by e-mail or form: the e-mail is the durable medium.
        ...(requests.length > 0
          ? of('customer_service').filter((e) => /^(mails?|formulaires?)$/.test(e.matched))
          : []),
      ]
    : [];
  const allWritten = [...written, ...terminationWritten];
  const reminders = of('reminder');
  // Two letters: dated apart in two sentences (one sentence often gives a date twice: « hier (21 novembre) »).
  const dated = written.filter((e) => e.date !== null && e.date.kind === 'absolute');
  const severalLetters =
    dated.some((a) =>
      dated.some((b) => a.date!.date !== b.date!.date && Math.abs(a.date!.start - b.date!.start) > 30),
    ) || written.some((e) => /\b(deux|trois|2|3|plusieurs)\b/.test(e.matched));
  if (allWritten.length > 0 && (reminders.length > 0 || severalLetters)) {
    return { stage: 'reminder_unanswered', confidence: 0.8, events: [...allWritten, ...reminders] };
  }
  if (allWritten.length > 0) {
    const confidence = Math.max(...allWritten.map((e) => e.confidence));
    return { stage: 'written_complaint_sent', confidence: Math.min(0.85, confidence), events: allWritten };
  }
  const contacts = [...of('customer_service'), ...reminders, ...of('termination_request')];
  if (contacts.length > 0) return { stage: 'customer_service_contacted', confidence: 0.75, events: contacts };
  return { stage: 'none', confidence: 0.55, events: [] };
}

export interface DatedFact {
  date: CalendarDate;
  /** The words of the date in the text. */
  mention: DateMention;
  event: EventKind;
  confidence: number;
}

/** The first dated event of the given kinds (the complaint that started the clock is the earliest). */
export function earliestEvent(
  events: ReadonlyArray<ReadEvent>,
  kinds: ReadonlyArray<EventKind>,
): DatedFact | null {
  const dated = events
    .filter((e) => kinds.includes(e.kind) && e.date !== null)
    .sort((a, b) => (a.date!.date < b.date!.date ? -1 : a.date!.date > b.date!.date ? 1 : 0));
  const first = dated[0];
  return first
    ? { date: first.date!.date, mention: first.date!, event: first.kind, confidence: first.confidence }
    : null;
}

/** The last dated event of the given kinds (the answer that matters is the latest). */
export function latestEvent(
  events: ReadonlyArray<ReadEvent>,
  kinds: ReadonlyArray<EventKind>,
  filter: (e: ReadEvent) => boolean = () => true,
): DatedFact | null {
  const dated = events
    .filter((e) => kinds.includes(e.kind) && e.date !== null && filter(e))
    .sort((a, b) => (a.date!.date < b.date!.date ? 1 : a.date!.date > b.date!.date ? -1 : 0));
  const last = dated[0];
  return last
    ? { date: last.date!.date, mention: last.date!, event: last.kind, confidence: last.confidence }
    : null;
}

export function isMemberStep(kind: EventKind): boolean {
  return MEMBER_STEPS.includes(kind);
}

export function stageOfEvent(kind: EventKind): Stage | null {
  switch (kind) {
    case 'customer_service':
      return 'customer_service_contacted';
    case 'written_complaint':
    case 'cra_referral':
    case 'termination_request':
      return 'written_complaint_sent';
    case 'reminder':
      return 'reminder_unanswered';
    case 'mediation':
      return 'mediation';
    case 'court':
      return 'court';
    default:
      return null;
  }
}

export const furthest = (a: Stage, b: Stage): Stage => (stageRank(a) >= stageRank(b) ? a : b);
const round = (v: number) => Math.round(v * 100) / 100;
