import { type DossierStatus, STATUS_LABELS } from '../../contracts/dossier-status.ts';
import { LETTER_LABELS } from '../letters/chronology.ts';
import { formatAmount } from '../letters/format.ts';
import type { LetterType } from '../letters/schema.ts';
import { type CalendarDate, formatFrenchDate, parisDateOf } from '../shared/calendar-date.ts';
import { factLabel, type TimelineEntry } from './timeline.ts';

/**
 * The summary of a member's data a person reads (RGPD art. 15: « sous une forme compréhensible », art. 12-1),
 * beside the machine-readable `donnees.json` (art. 20). Pure: the caller gives the rows and the instant; the
 * HTML and PDF renderers (src/server/dossiers/export-render.ts) lay out what this returns.
 */
export interface SummaryField {
  label: string;
  value: string;
}
export interface SummaryList {
  heading: string;
  /** Shown when the list is empty. */
  empty: string;
  items: string[];
}
export interface SummarySection {
  heading: string;
  fields: SummaryField[];
  lists: SummaryList[];
}
export interface ExportSummary {
  title: string;
  intro: string;
  sections: SummarySection[];
}

export interface SummaryInput {
  exportedAt: Date;
  account: { displayName: string; email: string | null; postalAddress: string | null; createdAt: Date };
  dossiers: {
    reference: string;
    title: string;
    organisationName: string;
    status: string;
    categoryLabel: string;
    amountCents: number | null;
    memberNumber: string | null;
    createdAt: Date;
    closedAt: Date | null;
    erasedAt: Date | null;
    facts: Record<string, unknown>;
    contacts: { occurredAt: Date; channel: string; summary: string }[];
    documents: { title: string; kindLabel: string; path: string | null }[];
    letters: { type: string; subject: string; createdAt: Date; sentOn: string | null }[];
    messages: { createdAt: Date; body: string }[];
    timeline: TimelineEntry[];
  }[];
}

const CHANNELS: Record<string, string> = {
  phone: 'Téléphone',
  email: 'E-mail',
  letter: 'Courrier',
  visit: 'Visite',
  chat: 'Messagerie',
  other: 'Autre',
};

const day = (instant: Date) => formatFrenchDate(parisDateOf(instant));
/** A timeline entry's `at`: a calendar day or an instant. */
const dayOf = (at: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatFrenchDate(at as CalendarDate) : day(new Date(at));
const isDate = (v: unknown): v is CalendarDate => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** Long texts are shortened in the summary only: `donnees.json` holds them whole. */
const short = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function exportSummary(input: SummaryInput): ExportSummary {
  const account: SummarySection = {
    heading: 'Votre compte',
    fields: [
      { label: 'Nom', value: input.account.displayName },
      { label: 'Adresse e-mail', value: input.account.email ?? 'aucune' },
      {
        label: 'Adresse postale',
        value: input.account.postalAddress?.replace(/\n/g, ', ') || 'non renseignée',
      },
      { label: 'Compte ouvert le', value: day(input.account.createdAt) },
      { label: 'Nombre de dossiers', value: String(input.dossiers.length) },
    ],
    lists: [],
  };
  const sections = input.dossiers.map((d): SummarySection => {
    const fields: SummaryField[] = [
      { label: 'Organisme', value: d.organisationName },
      { label: 'Type de litige', value: d.categoryLabel },
      { label: 'État', value: STATUS_LABELS[d.status as DossierStatus] ?? d.status },
      { label: 'Ouvert le', value: day(d.createdAt) },
    ];
    if (d.amountCents !== null) fields.push({ label: 'Montant en jeu', value: formatAmount(d.amountCents) });
    if (d.memberNumber) fields.push({ label: 'N° d’adhérent', value: d.memberNumber });
    if (d.closedAt) fields.push({ label: 'Clos le', value: day(d.closedAt) });
    if (d.erasedAt) fields.push({ label: 'Données effacées le', value: day(d.erasedAt) });
    const dates = Object.entries(d.facts)
      .filter(([, v]) => isDate(v))
      .sort(([, a], [, b]) => String(a).localeCompare(String(b)))
      .map(([k, v]) => `${formatFrenchDate(v as CalendarDate)} : ${factLabel(k)}`);
    const deadlines = d.timeline
      .filter((e) => e.kind === 'deadline')
      .map((e) => `${dayOf(e.at)} : ${e.text}${e.upcoming ? ' (à venir)' : ''}`);
    const history = d.timeline
      .filter((e) => e.kind !== 'deadline')
      .map((e) => `${dayOf(e.at)} : ${e.text}${e.detail ? ` — ${short(e.detail, 200)}` : ''}`);
    return {
      heading: `Dossier ${d.reference} — ${d.title}`,
      fields,
      lists: [
        { heading: 'Dates du dossier', empty: 'Aucune date notée.', items: dates },
        {
          heading: 'Contacts avec l’organisme',
          empty: 'Aucun contact noté.',
          items: d.contacts.map(
            (c) => `${day(c.occurredAt)} — ${CHANNELS[c.channel] ?? 'Autre'} : ${short(c.summary)}`,
          ),
        },
        { heading: 'Délais', empty: 'Aucun délai calculé.', items: deadlines },
        {
          heading: 'Courriers',
          empty: 'Aucun courrier rédigé.',
          items: d.letters.map(
            (l) =>
              `${day(l.createdAt)} — ${LETTER_LABELS[l.type as LetterType] ?? 'Courrier'} : ${l.subject}${l.sentOn ? ` (envoyé le ${formatFrenchDate(l.sentOn as CalendarDate)})` : ''}`,
          ),
        },
        {
          heading: 'Pièces',
          empty: 'Aucune pièce.',
          items: d.documents.map((p) => `${p.title} (${p.kindLabel})${p.path ? ` — fichier ${p.path}` : ''}`),
        },
        {
          heading: 'Messages',
          empty: 'Aucun message.',
          items: d.messages.map((m) => `${day(m.createdAt)} : ${short(m.body)}`),
        },
        { heading: 'Historique', empty: 'Aucun événement.', items: history },
      ],
    };
  });
  return {
    title: 'Vos données sur Recours',
    intro: `Copie de vos données au ${day(input.exportedAt)} (RGPD, articles 15 et 20). Ce résumé se lit sans outil ; le fichier donnees.json contient les mêmes données complètes, lisibles par un logiciel, et le dossier documents les pièces elles-mêmes.`,
    sections: [account, ...sections],
  };
}
