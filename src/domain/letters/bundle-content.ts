import { CATEGORY_LABELS, type DossierCategory } from '../../contracts/categories.ts';
import { type ChronologyEntry, chronology } from './chronology.ts';
import { formatAmount, formatDate } from './format.ts';
import type { MediationChecks } from './mediation-checks.ts';
import type { LetterDossier } from './schema.ts';

/**
 * What the mediation file says besides the cover letter: a one-page summary, the chronology and the list of the
 * documents. Pure content; src/pdf/bundle.ts lays it out and merges the documents.
 */
export interface SummaryRow {
  label: string;
  value: string;
}

export interface MediationSummary {
  title: string;
  parties: SummaryRow[];
  object: SummaryRow[];
  amounts: SummaryRow[];
  request: string;
  checks: { title: string; status: 'ok' | 'fail' | 'warning'; detail: string; source: string }[];
  admissible: boolean;
}

const KIND_LABELS = {
  mutuelle: 'Mutuelle (Code de la mutualité)',
  insurer: 'Assureur (Code des assurances)',
  institution_prevoyance: 'Institution de prévoyance (Code de la sécurité sociale)',
  cpam: 'Caisse primaire d’assurance maladie',
} as const;

export function mediationSummary(d: LetterDossier, checks: MediationChecks): MediationSummary {
  const parties: SummaryRow[] = [
    {
      label: 'Demandeur',
      value: [d.member.name, ...d.member.postalAddress].join(', '),
    },
  ];
  if (d.member.memberNumber) parties.push({ label: 'N° d’adhérent', value: d.member.memberNumber });
  parties.push(
    { label: 'Organisme', value: `${d.organisation.name} – ${KIND_LABELS[d.organisation.kind]}` },
    { label: 'Médiateur saisi', value: checks.mediator.name },
  );
  const category = CATEGORY_LABELS[d.dossier.category as DossierCategory] ?? d.dossier.category;
  const object: SummaryRow[] = [
    { label: 'Objet', value: d.dossier.title },
    { label: 'Catégorie', value: category },
    { label: 'Dossier Recours', value: d.dossier.reference },
  ];
  if (d.dossier.organisationReference) {
    object.push({ label: 'Référence de l’organisme', value: d.dossier.organisationReference });
  }
  const facts = d.dossier.facts;
  if (facts.complaintSentOn)
    object.push({ label: 'Réclamation écrite', value: formatDate(facts.complaintSentOn) });
  if (facts.answerReceivedOn)
    object.push({ label: 'Réponse de l’organisme', value: formatDate(facts.answerReceivedOn) });
  const amounts: SummaryRow[] = [];
  if (d.dossier.amountCents !== undefined) {
    amounts.push({ label: 'Montant en jeu', value: formatAmount(d.dossier.amountCents) });
  }
  for (const [i, s] of d.shortfalls.entries()) {
    amounts.push({ label: `Écart n° ${i + 1}`, value: `${formatAmount(s.amountCents)} – ${s.sentence}` });
  }
  const missing = d.shortfalls.filter((s) => s.amountCents > 0).reduce((sum, s) => sum + s.amountCents, 0);
  if (d.shortfalls.length > 1) amounts.push({ label: 'Total des écarts', value: formatAmount(missing) });
  const claimed = missing > 0 ? missing : d.dossier.amountCents;
  const request = claimed
    ? `Le versement de ${formatAmount(claimed)} restant dû par ${d.organisation.name}, avec le détail du calcul.`
    : `Le réexamen de la situation de ${d.member.name} par ${d.organisation.name}.`;
  return {
    title: `Dossier de médiation – ${d.member.name} c/ ${d.organisation.name}`,
    parties,
    object,
    amounts,
    request,
    checks: checks.checks.map(({ title, status, detail, source }) => ({ title, status, detail, source })),
    admissible: checks.admissible,
  };
}

export function mediationChronology(d: LetterDossier): ChronologyEntry[] {
  return chronology(d);
}

export interface BundleDocumentInfo {
  title: string;
  kind: string;
  date?: string | undefined;
  mimeType: string;
  fileName?: string | undefined;
}

/** How a document can enter the PDF file: merged page by page, embedded as an image, or only listed. */
export type Embedding = 'pdf' | 'jpeg' | 'png' | 'none';

export function embeddingOf(mimeType: string, fileName = ''): Embedding {
  const type = mimeType.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'image/jpeg' || type === 'image/jpg') return 'jpeg';
  if (type === 'image/png') return 'png';
  if (!type && /\.pdf$/i.test(fileName)) return 'pdf';
  return 'none';
}

/** The note shown for a document that cannot be embedded (HEIC photos from iPhones, office files…). */
export function notEmbeddedNote(mimeType: string, fileName = ''): string {
  const heic = /hei[cf]/i.test(mimeType) || /\.hei[cf]$/i.test(fileName);
  return heic
    ? 'Photo au format HEIC : ce format ne peut pas être intégré au PDF ; la pièce est transmise séparément (ou à convertir en JPEG).'
    : `Format ${mimeType || 'inconnu'} : la pièce ne peut pas être intégrée au PDF ; elle est transmise séparément.`;
}
