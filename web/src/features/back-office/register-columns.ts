/**
 * The register's optional columns and the handler's choice of them, kept in the browser (localStorage) so the
 * register opens as he left it. The reference and the ACPR clocks are always shown: they identify a row and say
 * how urgent it is. The default set fits 1 280 px without horizontal scrolling.
 */
export const OPTIONAL_COLUMNS = [
  { id: 'member', label: 'Adhérent' },
  { id: 'title', label: 'Objet' },
  { id: 'category', label: 'Catégorie et canal' },
  { id: 'handler', label: 'Conseiller' },
  { id: 'status', label: 'Statut' },
  { id: 'amount', label: 'Montant' },
  { id: 'date', label: 'Date de réclamation' },
] as const;
export type ColumnId = (typeof OPTIONAL_COLUMNS)[number]['id'];

export const DEFAULT_COLUMNS: readonly ColumnId[] = ['member', 'title', 'handler', 'status', 'date'];

export const COLUMNS_STORAGE_KEY = 'recours.registre.colonnes';

const KNOWN = new Set<string>(OPTIONAL_COLUMNS.map((c) => c.id));

/** The stored choice, or the default when nothing (or something unreadable) is stored. */
export function parseColumns(stored: string | null): ColumnId[] {
  if (!stored) return [...DEFAULT_COLUMNS];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [...DEFAULT_COLUMNS];
    // Unknown ids (a column removed since) are dropped; the order is always the table's.
    const chosen = new Set(value.filter((v): v is string => typeof v === 'string' && KNOWN.has(v)));
    return OPTIONAL_COLUMNS.map((c) => c.id).filter((id) => chosen.has(id));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

export function toggleColumn(current: readonly ColumnId[], id: ColumnId, on: boolean): ColumnId[] {
  const chosen = new Set(current);
  if (on) chosen.add(id);
  else chosen.delete(id);
  return OPTIONAL_COLUMNS.map((c) => c.id).filter((c) => chosen.has(c));
}

export function loadColumns(): ColumnId[] {
  try {
    return parseColumns(globalThis.localStorage?.getItem(COLUMNS_STORAGE_KEY) ?? null);
  } catch {
    return [...DEFAULT_COLUMNS]; // storage refused (private mode): the default set, not an error
  }
}

export function saveColumns(columns: readonly ColumnId[]): void {
  try {
    globalThis.localStorage?.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Not stored: the choice lasts for this page only.
  }
}

/** « du » after « au » is an error the handler must fix, not an empty list (the API answers 400 the same). */
export function dateRangeError(from: string, to: string): string | null {
  if (!from || !to || from <= to) return null;
  const fr = (d: string) => d.split('-').reverse().join('/');
  return `La date de début (${fr(from)}) est après la date de fin (${fr(to)}) : corrigez l’une des deux.`;
}
