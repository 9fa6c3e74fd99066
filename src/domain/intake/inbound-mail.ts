/**
 * Reading an e-mail sent to an organisation's complaints address: which file it belongs to, and whether it is
 * a machine's answer that must not be answered (RFC 3834, "Recommendations for automatic responses to
 * electronic mail": never answer a message marked Auto-Submitted, a list, or a bounce).
 */

/** A file reference as Recours writes it (REC-2026-7K3M9Q): Crockford base32, no I, L, O or U. */
const REFERENCE = /\bREC-\d{4}-[0-9A-HJKMNP-TV-Z]{6}\b/gi;

export function referencesIn(text: string): string[] {
  return [...new Set((text.match(REFERENCE) ?? []).map((r) => r.toUpperCase()))];
}

/** « N° d'adhérent : 12345678 », « numéro adhérent 1234-5678 », « adhérent n°AB12345 ». */
const MEMBER_NUMBER =
  /(?:n[°o]\s*|num[ée]ro\s*)(?:d['’]\s*)?adh[ée]rent\s*[:#]?\s*([A-Z0-9][A-Z0-9 -]{2,18}[A-Z0-9])|adh[ée]rent\s*n[°o]\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{2,18}[A-Z0-9])/i;

export function memberNumberIn(text: string): string | undefined {
  const match = MEMBER_NUMBER.exec(text);
  const raw = match?.[1] ?? match?.[2];
  if (!raw) return undefined;
  const cleaned = raw.replace(/[\s-]/g, '').toUpperCase();
  // A member number carries digits; « adhérent depuis » or a name is not one.
  return /\d{4,}/.test(cleaned) ? cleaned : undefined;
}

export interface MailHeaders {
  /** Lower-cased header names. */
  get(name: string): string | undefined;
}

const AUTOMATED_SENDERS = /^(mailer-daemon|postmaster|no-?reply|ne-?pas-?repondre|bounce[s]?)@/i;

/** Why a message is a machine's, or undefined for a person's message. */
export function automatedReason(headers: MailHeaders, from: string): string | undefined {
  const autoSubmitted = headers.get('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'réponse automatique (Auto-Submitted)';
  if (headers.get('x-autoreply') || headers.get('x-autorespond') || headers.get('x-autoresponder')) {
    return 'réponse automatique';
  }
  const precedence = headers.get('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) {
    return `envoi en nombre (Precedence: ${precedence})`;
  }
  if (headers.get('list-id') || headers.get('list-unsubscribe')) return 'liste de diffusion';
  const returnPath = headers.get('return-path')?.trim();
  if (returnPath === '<>') return 'avis de non-distribution';
  if (AUTOMATED_SENDERS.test(from)) return 'adresse d’envoi automatique';
  return undefined;
}

/**
 * More messages than a person writes about one complaint in an hour: two auto-responders answering each other
 * would otherwise fill the register (a loop RFC 3834 headers did not stop).
 */
export const MAX_MESSAGES_PER_SENDER_PER_HOUR = 10;

export interface RoutingFacts {
  automated: string | undefined;
  /** Messages already received from this sender for this organisation in the last hour. */
  recentFromSender: number;
  /** The file named in the subject, if it exists in this organisation. */
  referencedFile: { id: string; memberEmailMatches: boolean } | undefined;
  /** The sender's member record, when one has this e-mail address. */
  senderMemberId: string | undefined;
  /** That member's open files in this organisation, most recently updated first. */
  senderOpenFiles: readonly string[];
  /** A member of this organisation found by the member number written in the message. */
  memberByNumber: string | undefined;
}

export type Routing =
  | { kind: 'drop'; reason: string }
  | { kind: 'append'; dossierId: string; because: 'reference' | 'open_file' }
  | { kind: 'new_file'; memberId: string; identification: 'sender' | 'member_number' }
  | { kind: 'new_file_to_identify' };

export function routeInboundMail(facts: RoutingFacts): Routing {
  if (facts.automated) return { kind: 'drop', reason: facts.automated };
  if (facts.recentFromSender >= MAX_MESSAGES_PER_SENDER_PER_HOUR) {
    return { kind: 'drop', reason: 'trop de messages du même expéditeur en une heure (boucle probable)' };
  }
  // A reference only threads a message sent by the file's member: anyone can type a reference, and a file's
  // content must not be changed by a stranger (RGPD art. 32).
  if (facts.referencedFile?.memberEmailMatches) {
    return { kind: 'append', dossierId: facts.referencedFile.id, because: 'reference' };
  }
  if (facts.senderMemberId) {
    if (!facts.referencedFile && facts.senderOpenFiles.length === 1) {
      return { kind: 'append', dossierId: facts.senderOpenFiles[0]!, because: 'open_file' };
    }
    return { kind: 'new_file', memberId: facts.senderMemberId, identification: 'sender' };
  }
  if (facts.memberByNumber) {
    return { kind: 'new_file', memberId: facts.memberByNumber, identification: 'member_number' };
  }
  return { kind: 'new_file_to_identify' };
}
