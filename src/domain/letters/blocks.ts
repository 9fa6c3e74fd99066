import type { CalendarDate } from '../shared/calendar-date.ts';
import { fail, type Result } from '../shared/result.ts';
import { chronology, chronologyLines } from './chronology.ts';
import { formatAmount, formatDate } from './format.ts';
import type { LetterDossier, LetterOptions, Mediator } from './schema.ts';

/** The pieces every letter is built from: blocks of address, references, facts and claims (pure). */

const fr = formatDate;

export interface Draft {
  subject: string;
  salutation?: string;
  closing?: string;
  body: string[];
  legalBasis: string[];
  answerBy?: { date: string; rule: string };
}

export type Drafter = (d: LetterDossier, o: LetterOptions) => Result<Draft>;

// ---------------------------------------------------------------- blocks shared by the letters

export function memberBlock(d: LetterDossier): string[] {
  return [d.member.name, ...d.member.postalAddress];
}

/** The organisation's name, the department the letter is for, then its address (a service line is replaced). */
export function organisationBlock(d: LetterDossier, department?: string): string[] {
  const address = d.organisation.postalAddress.filter((l) => l !== d.organisation.name);
  const isService = (l: string) => /^(service|commission|direction|département)/i.test(l);
  const service =
    department ?? address.find(isService) ?? d.organisation.department ?? 'Service Réclamations';
  return [d.organisation.name, service, ...address.filter((l) => !isService(l))];
}

export function mediatorBlock(m: Mediator): string[] {
  const first = m.postalAddress[0];
  // "Monsieur le Médiateur de la Mutualité Française, FNMF, …": the address already names him.
  if (first?.toLowerCase().includes(m.name.toLowerCase())) return m.postalAddress;
  return [m.name, ...m.postalAddress.filter((l) => l !== m.name)];
}

export function memberReferences(d: LetterDossier, extra: { label: string; value: string }[] = []) {
  const refs: { label: string; value: string }[] = [];
  if (d.member.memberNumber) {
    refs.push({
      label: d.organisation.kind === 'cpam' ? 'N° de sécurité sociale' : 'N° d’adhérent',
      value: d.member.memberNumber,
    });
  }
  if (d.dossier.organisationReference)
    refs.push({ label: 'Votre référence', value: d.dossier.organisationReference });
  refs.push({ label: 'Dossier Recours', value: d.dossier.reference });
  return [...refs, ...extra];
}

export function organisationReferences(d: LetterDossier) {
  const refs: { label: string; value: string }[] = [];
  if (d.member.memberNumber) refs.push({ label: 'Votre n° d’adhérent', value: d.member.memberNumber });
  refs.push({ label: 'Notre référence', value: d.dossier.organisationReference ?? d.dossier.reference });
  const complaint = complaintDate(d);
  if (complaint) refs.push({ label: 'Votre réclamation du', value: fr(complaint) });
  return refs;
}

export function complaintDate(d: LetterDossier): CalendarDate | undefined {
  return d.dossier.facts.complaintSentOn ?? d.dossier.facts.complaintReceivedOn;
}

export function enclosuresOf(d: LetterDossier): string[] {
  return d.documents.map((doc) => (doc.date ? `${doc.title} (${fr(doc.date)})` : doc.title));
}

/** What is claimed: the shortfalls found by the reimbursement checker, or the amount at stake. */
export function amountClaimed(d: LetterDossier): number | undefined {
  const missing = d.shortfalls.filter((s) => s.amountCents > 0).reduce((sum, s) => sum + s.amountCents, 0);
  return missing > 0 ? missing : d.dossier.amountCents;
}

/** Facts about the contract itself: the mediation file's chronology lists them, a letter's statement of facts not. */
const CONTRACT_FACTS = new Set(['subscriptionDate', 'renewalDate', 'annualNoticeSentOn']);

export function factsParagraphs(d: LetterDossier, options: { upTo?: CalendarDate } = {}): string[] {
  const upTo = options.upTo ?? d.today;
  const entries = chronology(d).filter(
    (e) => e.date <= upTo && e.kind !== 'document' && !(e.fact && CONTRACT_FACTS.has(e.fact)),
  );
  const out: string[] = [];
  if (d.dossier.description.trim()) out.push(d.dossier.description.trim());
  if (entries.length)
    out.push('Les faits, dans l’ordre chronologique, sont les suivants :', ...chronologyLines(entries));
  return out;
}

export function shortfallParagraphs(d: LetterDossier): string[] {
  if (!d.shortfalls.length) return [];
  const out = [
    'Au regard des garanties de mon contrat, le calcul de mes droits fait apparaître l’écart suivant :',
  ];
  for (const s of d.shortfalls) out.push(`– ${s.sentence}`);
  return out;
}

export function requestSentence(d: LetterDossier): string {
  const amount = amountClaimed(d);
  return amount
    ? `de procéder au versement de la somme de ${formatAmount(amount)} qui me reste due, et de m’adresser le détail du calcul correspondant`
    : 'de réexaminer ma situation et de régulariser mon dossier, en m’adressant le détail de votre position';
}

export function solutionWords(d: LetterDossier): string {
  const amount = amountClaimed(d);
  return amount
    ? `conduisant au versement de la somme de ${formatAmount(amount)} qui me reste due`
    : 'conduisant au réexamen de ma situation';
}

/** "le Médiateur de la Mutualité Française", "La Médiation de l’Assurance": the name as a sentence uses it. */
export function mediatorPhrase(m: Mediator): string {
  if (/^(le|la|les)\s|^l[’']/i.test(m.name)) return m.name;
  if (/^médiateur/i.test(m.name)) return `le ${m.name}`;
  return m.name;
}

export function needFact(field: string, message: string) {
  return fail<Draft>('missing_fact', message, `dossier.facts.${field}`);
}

export function notForCpam(d: LetterDossier, what: string): Result<Draft> | undefined {
  if (d.organisation.kind !== 'cpam') return undefined;
  return fail('not_applicable', `${what} ne s’adresse pas à une CPAM.`, 'type');
}

export function onlyForCpam(d: LetterDossier, what: string): Result<Draft> | undefined {
  if (d.organisation.kind === 'cpam') return undefined;
  return fail(
    'not_applicable',
    `${what} ne concerne que l’Assurance maladie (CPAM) ; pour ${d.organisation.name}, saisissez le médiateur.`,
    'type',
  );
}
