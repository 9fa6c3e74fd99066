import { CATEGORY_LABELS, DOSSIER_CATEGORIES, type DossierCategory } from '../../contracts/categories.ts';
import type { ComplaintChannel } from '../../contracts/channels.ts';
import type { DossierStatus } from '../../contracts/dossier-status.ts';
import { type CalendarDate, formatFrenchDate, isCalendarDate } from '../shared/calendar-date.ts';
import { DECISION_OUTCOMES, type DecisionOutcome } from './answer.ts';
import { isDepartementCode, REGION_RULE } from './regions.ts';

/**
 * One line of a register's history (issue 14), as an organisation exports it from a spreadsheet or another tool.
 * The column names are part of the contract (docs/import.md): CSV header or JSON Lines keys.
 */
export const IMPORT_COLUMNS = [
  'reference',
  'receivedOn',
  'channel',
  'category',
  'product',
  'region',
  'acknowledgedOn',
  'answeredOn',
  'outcome',
  'mediationReferredOn',
  'satisfaction',
  'text',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'reference',
  'receivedOn',
  'channel',
  'category',
  'product',
  'region',
];

/** The French words of the import file for the channels of the register. */
export const IMPORT_CHANNELS: Record<string, ComplaintChannel> = {
  courrier: 'letter',
  email: 'email',
  web: 'web',
  telephone: 'phone',
  agence: 'counter',
};

export interface ImportedComplaint {
  reference: string;
  receivedOn: CalendarDate;
  channel: ComplaintChannel;
  category: DossierCategory;
  product: string;
  region: string;
  acknowledgedOn?: CalendarDate;
  answeredOn?: CalendarDate;
  outcome?: DecisionOutcome;
  mediationReferredOn?: CalendarDate;
  satisfaction?: number;
  text: string;
}

export interface LineError {
  column: ImportColumn | null;
  message: string;
}

export type RawRecord = Partial<Record<string, unknown>>;

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;
const MAX_TEXT = 20_000;
const MAX_PRODUCT = 200;

const list = (values: readonly string[]) => values.map((v) => `« ${v} »`).join(', ');

function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'string' ? value.trim() : String(value);
  return text === '' ? undefined : text;
}

/** Header problems that make the whole file unreadable: a missing required column, an unknown one. */
export function headerErrors(columns: readonly string[]): string[] {
  const errors: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) errors.push(`Colonnes obligatoires absentes : ${list(missing)}.`);
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    errors.push(`Colonnes inconnues : ${list(unknown)}. Colonnes possibles : ${list(IMPORT_COLUMNS)}.`);
  }
  return errors;
}

/**
 * Checks one line and returns the complaint, or every problem with its column, in French. For the five facts an
 * import carries, these checks are the deadline engine's own (`checkCoherence`: no future date, nothing before the
 * receipt, an answer with its outcome), done here per column because the engine stops at the first problem and
 * costs a millisecond a line (a test proves the engine accepts every line this accepts). `today` bounds the dates:
 * a history cannot hold a complaint received tomorrow.
 */
export function parseImportLine(
  record: RawRecord,
  today: CalendarDate,
): { ok: true; value: ImportedComplaint } | { ok: false; errors: LineError[] } {
  const errors: LineError[] = [];
  const get = (column: ImportColumn) => textOf(record[column]);
  const required = (column: ImportColumn, what: string) => {
    const value = get(column);
    if (value === undefined)
      errors.push({ column, message: `${what} manquant(e) : cette colonne est obligatoire.` });
    return value;
  };
  const date = (column: ImportColumn, what: string, value = get(column)) => {
    if (value === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      errors.push({
        column,
        message: `${what} : « ${value} » n’est pas une date AAAA-MM-JJ (exemple : 2025-03-14).`,
      });
      return undefined;
    }
    if (!isCalendarDate(value)) {
      errors.push({ column, message: `${what} : le ${value} n’existe pas dans le calendrier.` });
      return undefined;
    }
    if (value > today) {
      errors.push({ column, message: `${what} : le ${formatFrenchDate(value)} est dans le futur.` });
      return undefined;
    }
    return value as CalendarDate;
  };

  const reference = required('reference', 'Référence');
  if (reference !== undefined && !REFERENCE.test(reference)) {
    errors.push({
      column: 'reference',
      message: `Référence « ${reference.slice(0, 80)} » invalide : 60 caractères au plus, lettres, chiffres et . _ / - seulement.`,
    });
  }
  const receivedOn = date('receivedOn', 'Date de réception', required('receivedOn', 'Date de réception'));

  const channelWord = required('channel', 'Canal');
  const channel = channelWord === undefined ? undefined : IMPORT_CHANNELS[channelWord.toLowerCase()];
  if (channelWord !== undefined && !channel) {
    errors.push({
      column: 'channel',
      message: `Canal « ${channelWord} » inconnu. Valeurs possibles : ${list(Object.keys(IMPORT_CHANNELS))}.`,
    });
  }

  const category = required('category', 'Catégorie');
  if (category !== undefined && !(DOSSIER_CATEGORIES as readonly string[]).includes(category)) {
    errors.push({
      column: 'category',
      message: `Catégorie « ${category} » inconnue. Valeurs possibles : ${DOSSIER_CATEGORIES.map((c) => `« ${c} » (${CATEGORY_LABELS[c]})`).join(', ')}.`,
    });
  }

  const product = required('product', 'Produit');
  if (product !== undefined && product.length > MAX_PRODUCT) {
    errors.push({ column: 'product', message: `Produit trop long : ${MAX_PRODUCT} caractères au plus.` });
  }
  const region = required('region', 'Département')?.toUpperCase();
  if (region !== undefined && !isDepartementCode(region)) {
    errors.push({
      column: 'region',
      message: `Département « ${region} » invalide : attendu ${REGION_RULE}.`,
    });
  }

  const acknowledgedOn = date('acknowledgedOn', 'Date d’accusé de réception');
  const answeredOn = date('answeredOn', 'Date de réponse');
  const mediationReferredOn = date('mediationReferredOn', 'Date de saisine du médiateur');
  const notBefore = (column: ImportColumn, value: CalendarDate | undefined, what: string) => {
    if (value && receivedOn && value < receivedOn) {
      errors.push({
        column,
        message: `${what} (${formatFrenchDate(value)}) avant la réception (${formatFrenchDate(receivedOn)}) : corrigez l’une des deux dates.`,
      });
    }
  };
  notBefore('acknowledgedOn', acknowledgedOn, 'Accusé de réception');
  notBefore('answeredOn', answeredOn, 'Réponse');
  notBefore('mediationReferredOn', mediationReferredOn, 'Saisine du médiateur');

  const outcome = get('outcome');
  if (outcome !== undefined) {
    if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) {
      errors.push({
        column: 'outcome',
        message: `Sens de la réponse « ${outcome} » inconnu. Valeurs possibles : ${list(DECISION_OUTCOMES)}.`,
      });
    } else if (get('answeredOn') === undefined) {
      errors.push({
        column: 'outcome',
        message: 'Sens de la réponse sans date de réponse : ajoutez answeredOn.',
      });
    }
  } else if (get('answeredOn') !== undefined) {
    // The deadline engine needs the outcome of an answer: it decides when the mediator may be seized (L612-2).
    errors.push({
      column: 'outcome',
      message: 'Réponse sans son sens : indiquez outcome (accepted, partial ou rejected).',
    });
  }

  const satisfactionText = get('satisfaction');
  let satisfaction: number | undefined;
  if (satisfactionText !== undefined) {
    satisfaction = Number(satisfactionText);
    if (!/^\d+$/.test(satisfactionText) || satisfaction < 1 || satisfaction > 5) {
      errors.push({
        column: 'satisfaction',
        message: `Satisfaction « ${satisfactionText} » invalide : un nombre entier de 1 à 5.`,
      });
    }
  }
  const text = get('text') ?? '';
  if (text.length > MAX_TEXT) {
    errors.push({ column: 'text', message: `Texte trop long : ${MAX_TEXT} caractères au plus.` });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      reference: reference!,
      receivedOn: receivedOn!,
      channel: channel!,
      category: category as DossierCategory,
      product: product!,
      region: region!,
      ...(acknowledgedOn ? { acknowledgedOn } : {}),
      ...(answeredOn ? { answeredOn } : {}),
      ...(outcome ? { outcome: outcome as DecisionOutcome } : {}),
      ...(mediationReferredOn ? { mediationReferredOn } : {}),
      ...(satisfaction !== undefined ? { satisfaction } : {}),
      text,
    },
  };
}

/** The register status an imported complaint is in, from the dates it carries. */
export function importedStatus(c: ImportedComplaint): DossierStatus {
  if (c.mediationReferredOn) return 'mediation';
  if (c.answeredOn) return 'answered';
  if (c.acknowledgedOn) return 'acknowledged';
  return 'submitted';
}

/** The deadline engine's facts of an imported complaint: the dates are stored there only (one source of truth). */
export function importedFacts(c: ImportedComplaint): Record<string, string> {
  return {
    complaintReceivedOn: c.receivedOn,
    ...(c.acknowledgedOn ? { acknowledgedOn: c.acknowledgedOn } : {}),
    ...(c.answeredOn ? { answerReceivedOn: c.answeredOn } : {}),
    ...(c.outcome ? { answerOutcome: c.outcome } : {}),
    ...(c.mediationReferredOn ? { mediatorSeizedOn: c.mediationReferredOn } : {}),
  };
}
