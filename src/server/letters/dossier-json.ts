import type { Db } from '../../db/client.ts';
import type { DossierRow } from '../../db/repositories/dossiers.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { competentMediator } from '../../domain/deadlines/competent-mediator.ts';
import { LETTER_TYPES, type LetterDossierInput, type LetterType } from '../../domain/letters/schema.ts';
import { type CalendarDate, parisDateOf } from '../../domain/shared/calendar-date.ts';
import { contactsOf, documentsOf, organisationById, sentLetters, userById } from './repository.ts';

/** Postal lines stored as text, one per line (or, for older rows, separated by commas). */
export function addressLines(text: string | null | undefined): string[] {
  if (!text?.trim()) return [];
  const parts = text.includes('\n') ? text.split('\n') : text.split(/,\s*/);
  return parts
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 8);
}

/** "69007 Lyon" → "Lyon": the place a letter is written from. */
export function cityOf(lines: readonly string[], fallback = 'Lyon'): string {
  for (const line of [...lines].reverse()) {
    const m = /^\d{5}\s+(.+?)(\s+cedex.*)?$/i.exec(line);
    if (m?.[1]) return m[1];
  }
  return fallback;
}

export interface LetterDossierExtras {
  shortfalls?: { sentence: string; amountCents: number }[] | undefined;
  /** The staff member who signs an organisation's letter. */
  author?: UserRow | undefined;
  today?: CalendarDate | undefined;
  /**
   * Medical pieces (C. santé publ. L1110-4) enter only the mediation file of a reader who may read them; a letter
   * goes to the organisation's complaints service, where no medical detail belongs, so they stay out of letters.
   */
  medicalPieces?: 'include' | 'exclude' | undefined;
}

/**
 * The "dossier as JSON" of src/domain/letters/schema.ts, from the database: the member, the organisation and its
 * mediator, the facts, contacts, documents and the letters already sent.
 */
export async function letterDossierOf(
  db: Db,
  dossier: DossierRow,
  now: Date,
  extras: LetterDossierExtras = {},
): Promise<LetterDossierInput> {
  const [member, organisation, contactsAll, documentsAll, sent] = await Promise.all([
    userById(db, dossier.memberId),
    organisationById(db, dossier.organisationId),
    contactsOf(db, dossier.id),
    documentsOf(db, dossier.id),
    sentLetters(db, dossier.id),
  ]);
  const withMedical = extras.medicalPieces === 'include';
  const contactRows = contactsAll.filter((c) => withMedical || !c.medical);
  const documentRows = documentsAll.filter((d) => withMedical || !d.medical);
  const memberAddress = addressLines(member?.postalAddress);
  const orgAddress = addressLines(organisation?.postalAddress);
  const author = extras.author;
  const staffAuthor = author && author.role !== 'member' && author.organisationId === dossier.organisationId;
  const mediator = competentMediator({
    kind: dossier.organisationKind,
    mediatorName: organisation?.mediatorName,
    mediatorContact: organisation?.mediatorContact,
  });
  return {
    today: extras.today ?? parisDateOf(now),
    place: staffAuthor ? cityOf(orgAddress, 'Paris') : cityOf(memberAddress),
    member: {
      name: member?.displayName ?? 'Adhérent',
      postalAddress: memberAddress,
      ...(dossier.memberNumber ? { memberNumber: dossier.memberNumber } : {}),
      ...(member?.email ? { email: member.email } : {}),
    },
    organisation: {
      name: organisation?.name ?? dossier.organisationName,
      kind: dossier.organisationKind,
      postalAddress: orgAddress,
      ...(mediator.declared
        ? {
            mediator: {
              name: mediator.name,
              postalAddress: mediator.postalAddress,
              howToSeize: mediator.howToSeize,
            },
          }
        : {}),
      ...(staffAuthor ? { signatory: author.displayName } : {}),
    },
    dossier: {
      reference: dossier.reference,
      ...(dossier.organisationReference ? { organisationReference: dossier.organisationReference } : {}),
      category: dossier.category,
      title: dossier.title,
      description: dossier.description,
      ...(dossier.amountCents !== null ? { amountCents: dossier.amountCents } : {}),
      zone: dossier.zone,
      facts: (dossier.facts ?? {}) as LetterDossierInput['dossier']['facts'],
    },
    contacts: contactRows.map((c) => ({
      date: parisDateOf(c.occurredAt),
      channel: c.channel,
      ...(c.agentName ? { agent: c.agentName } : {}),
      ...(c.reference ? { reference: c.reference } : {}),
      summary: c.summary,
    })),
    documents: documentRows.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      ...(d.documentDate ? { date: d.documentDate } : {}),
      fileName: d.fileName,
      mimeType: d.mimeType,
    })),
    shortfalls: extras.shortfalls ?? [],
    letters: sent
      .filter((l) => (LETTER_TYPES as readonly string[]).includes(l.type))
      .map((l) => ({
        type: l.type as LetterType,
        date: l.sentOn!,
        ...(l.registeredNumber ? { registeredNumber: l.registeredNumber } : {}),
        ...(l.sendingMethod ? { sendingMethod: l.sendingMethod } : {}),
      })),
  };
}
