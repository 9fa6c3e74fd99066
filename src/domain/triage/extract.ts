import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  compareDates,
  fromParts,
  isCalendarDate,
  parts,
} from '../shared/calendar-date.ts';
import type { Cents } from '../shared/money.ts';
import { allMatches } from '../shared/regexp.ts';

/**
 * Facts read from the member's own words: amounts, dates, references. Offsets point into the original text
 * so that the UI can highlight the evidence. Matching runs on a same-length folded copy (lower case, no accents).
 */

export interface Span {
  /** The words as the member wrote them. */
  text: string;
  start: number;
  end: number;
}

export interface AmountMention extends Span {
  cents: Cents;
}

/** What a date is about, guessed from the nearest cue word (nearest wins). */
export type DateRole = 'complaint' | 'reminder' | 'decision' | 'termination' | 'other';

export interface DateMention extends Span {
  date: CalendarDate;
  kind: 'absolute' | 'relative';
  /** `month` when only a month was said ("en juin"): `date` is then the first of that month. */
  precision: 'day' | 'month';
  role: DateRole;
}

export type ReferenceKind = 'file' | 'member' | 'social_security';

export interface ReferenceMention extends Span {
  kind: ReferenceKind;
  value: string;
}

const FOLDED_CHARS = new Map<string, string>();

function foldChar(ch: string): string {
  const folded = ch
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const one =
    folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  return one.replace(/[’‘`´]/g, "'");
}

// Printable ASCII and line breaks (other characters take the general way below).
const ASCII_ONLY = /^[\t\n\r -~]*$/;
let lastText = '';
let lastFolded = '';

/**
 * Folds case and accents character by character, so offsets in the result are offsets in the input. Each
 * distinct character is folded once per process (normalising every character was a tenth of a creation's CPU).
 * The readers of one text (amounts, dates, references, events, evidence) each fold it: the last text's folding
 * is kept, so a text is folded once.
 */
export function foldSameLength(text: string): string {
  if (text === lastText) return lastFolded;
  let out = '';
  // ASCII has no accent to strip: lower case, and the backquote as an apostrophe (as `foldChar` does).
  if (ASCII_ONLY.test(text)) out = text.toLowerCase().replaceAll('`', "'");
  else {
    for (const ch of text) {
      let one = FOLDED_CHARS.get(ch);
      if (one === undefined) {
        one = foldChar(ch);
        // Bounded: a text of rare characters cannot grow the table without end.
        if (FOLDED_CHARS.size < 10_000) FOLDED_CHARS.set(ch, one);
      }
      out += one;
    }
  }
  lastText = text;
  lastFolded = out;
  return out;
}

const span = (text: string, start: number, end: number): Span => ({
  text: text.slice(start, end),
  start,
  end,
});

// ---------------------------------------------------------------------------------------------- amounts

const AMOUNT =
  /(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:[,.](\d{1,2}))?(?:\s?(€|euros?\b|eur\b)|e\b(?!\s*(?:fois|arrondissement|etage|rang|age|siecle|mois|jour)))/g;

/** Euro amounts: `9 €`, `9,50€`, `1 200 euros`, `1.200,50 €`, SMS `12e` (not `3e fois`). */
export function extractAmounts(text: string): AmountMention[] {
  const folded = foldSameLength(text);
  const found: AmountMention[] = [];
  for (const m of allMatches(folded, AMOUNT)) {
    const whole = m[1]!.replace(/[ \u00a0\u202f.]/g, '');
    const fraction = (m[2] ?? '').padEnd(2, '0');
    // `12e` only counts with two digits or more: `1e`/`2e` are ordinals far more often than euros.
    if (m[3] === undefined && whole.length < 2) continue;
    const start = m.index;
    found.push({
      ...span(text, start, start + m[0].length),
      cents: Number(whole) * 100 + Number(fraction || '0'),
    });
  }
  return found;
}

// ------------------------------------------------------------------------------------------------- dates

const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
] as const;
const MONTH_ALT = MONTHS.join('|');

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quelques: 3,
};
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;

const NUMERIC_DATE =
  /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])|(?<![\d/.-])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?(?![\d/.])/g;
const TEXT_DATE = new RegExp(`\\b(1er|premier|\\d{1,2})\\s+(${MONTH_ALT})(?:\\s+(\\d{4}))?\\b`, 'g');
const MONTH_ONLY = new RegExp(
  `\\b(?:en|de|d'|depuis|debut|fin|mi-?|courant)\\s*(${MONTH_ALT})(?:\\s+(\\d{4}))?\\b|\\b(${MONTH_ALT})\\s+(\\d{4})\\b`,
  'g',
);
const RELATIVE = new RegExp(
  `\\b(il y a|ca fait|cela fait|depuis|voila)\\s+(?:plus de\\s+|presque\\s+|environ\\s+|pres de\\s+)?${COUNT}\\s+(jours?|semaines?|mois|ans?|annees?)\\b`,
  'g',
);
const RELATIVE_WORDS: ReadonlyArray<
  readonly [RegExp, (today: CalendarDate) => CalendarDate, 'day' | 'month']
> = [
  [/\bavant-hier\b/g, (t) => addDays(t, -2), 'day'],
  [/(?<!avant-)\bhier\b/g, (t) => addDays(t, -1), 'day'],
  [/\b(?:aujourd'hui|ce matin|ce jour)\b/g, (t) => t, 'day'],
  [/\bla semaine (?:derniere|passee)\b/g, (t) => addDays(t, -7), 'day'],
  [/\ble mois (?:dernier|passe)\b/g, (t) => addMonths(t, -1), 'month'],
  [/\bl'(?:annee derniere|an dernier|annee passee)\b/g, (t) => addYears(t, -1), 'month'],
];

/**
 * A day and month without a year is taken in the current year, or in the previous one when that would put it
 * more than 31 days after `today`: members describe what already happened.
 */
function withInferredYear(day: number, month: number, today: CalendarDate): CalendarDate | null {
  const { year } = parts(today);
  for (const y of [year, year - 1]) {
    const candidate = fromParts(y, month, day);
    if (!isCalendarDate(candidate)) continue;
    if (y === year && compareDates(candidate, addDays(today, 31)) > 0) continue;
    return candidate;
  }
  return null;
}

const ROLE_CUES: ReadonlyArray<readonly [DateRole, RegExp]> = [
  ['termination', /resili/g],
  ['reminder', /relanc/g],
  ['decision', /notifi|decision|refus|rejet|indu|courrier de (?:la|ma) (?:cpam|caisse|securite)/g],
  [
    'complaint',
    /ecri|courrier|lettre|reclamation|recommande|mail|contest|recours|saisi|plainte|mise en demeure|envoy|adresse|message/g,
  ],
];

/** The role whose cue word sits closest to the date, within its sentence. */
function roleAt(folded: string, start: number, end: number): DateRole {
  const sentenceStart = Math.max(
    folded.lastIndexOf('.', start - 1),
    folded.lastIndexOf('\n', start - 1),
    start - 80,
    0,
  );
  const rest = folded.slice(end);
  const stop = rest.search(/[.\n!?;,]/);
  const sentenceEnd = Math.min(end + (stop === -1 ? rest.length : stop), end + 40);
  let best: DateRole = 'other';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [role, pattern] of ROLE_CUES) {
    for (const m of allMatches(folded.slice(sentenceStart, sentenceEnd), pattern)) {
      const at = sentenceStart + m.index;
      // French puts the verb before the date ("envoyé le 3 mai"): a cue after the date counts double.
      const distance = at < start ? start - (at + m[0].length) : 2 * (at - end);
      if (distance < bestDistance) {
        best = role;
        bestDistance = distance;
      }
    }
  }
  return best;
}

function overlaps(
  a: { start: number; end: number },
  list: ReadonlyArray<{ start: number; end: number }>,
): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/** Dates the member mentions, in text order, resolved against `today`. */
export function extractDates(text: string, today: CalendarDate): DateMention[] {
  const folded = foldSameLength(text);
  const found: DateMention[] = [];
  const push = (
    start: number,
    end: number,
    date: CalendarDate | null,
    kind: DateMention['kind'],
    precision: DateMention['precision'],
  ) => {
    if (date === null || !isCalendarDate(date)) return;
    const candidate = { start, end };
    if (overlaps(candidate, found)) return;
    found.push({ ...span(text, start, end), date, kind, precision, role: roleAt(folded, start, end) });
  };

  for (const m of allMatches(folded, NUMERIC_DATE)) {
    if (m[1] !== undefined) {
      push(m.index, m.index + m[0].length, `${m[1]}-${m[2]}-${m[3]}`, 'absolute', 'day');
      continue;
    }
    const day = Number(m[4]);
    const month = Number(m[5]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // "2 x 58,40" or "4.5" are not dates: a day/month pair needs a slash or a year.
    if (m[6] === undefined && !m[0].includes('/')) continue;
    let date: CalendarDate | null;
    if (m[6] === undefined) date = withInferredYear(day, month, today);
    else {
      const year = m[6].length === 2 ? 2000 + Number(m[6]) : Number(m[6]);
      date = fromParts(year, month, day);
    }
    push(m.index, m.index + m[0].length, date, 'absolute', 'day');
  }
  for (const m of allMatches(folded, TEXT_DATE)) {
    const day = m[1] === '1er' || m[1] === 'premier' ? 1 : Number(m[1]);
    const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1;
    const date =
      m[3] === undefined ? withInferredYear(day, month, today) : fromParts(Number(m[3]), month, day);
    push(m.index, m.index + m[0].length, date, 'absolute', 'day');
  }
  for (const m of allMatches(folded, MONTH_ONLY)) {
    const name = (m[1] ?? m[3]) as (typeof MONTHS)[number];
    const yearText = m[2] ?? m[4];
    const month = MONTHS.indexOf(name) + 1;
    const offset = m[0].indexOf(name);
    let date: CalendarDate | null;
    if (yearText !== undefined) date = fromParts(Number(yearText), month, 1);
    else {
      const { year, month: thisMonth } = parts(today);
      date = fromParts(month > thisMonth ? year - 1 : year, month, 1);
    }
    push(m.index + offset, m.index + m[0].length, date, 'absolute', 'month');
  }
  for (const m of allMatches(folded, RELATIVE)) {
    const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : NUMBER_WORDS[m[2]!]!;
    const unit = m[3]!;
    let date: CalendarDate;
    let precision: DateMention['precision'] = 'day';
    if (unit.startsWith('jour')) date = addDays(today, -n);
    else if (unit.startsWith('semaine')) date = addDays(today, -7 * n);
    else if (unit === 'mois') date = addMonths(today, -n);
    else {
      date = addYears(today, -n);
      precision = 'month';
    }
    push(m.index, m.index + m[0].length, date, 'relative', precision);
  }
  for (const [pattern, resolve, precision] of RELATIVE_WORDS) {
    for (const m of allMatches(folded, pattern))
      push(m.index, m.index + m[0].length, resolve(today), 'relative', precision);
  }
  return found.sort((a, b) => a.start - b.start);
}

// -------------------------------------------------------------------------------------------- references

const REFERENCE_LABELS: ReadonlyArray<readonly [ReferenceKind, RegExp]> = [
  ['social_security', /securite sociale|secu\b|\bnir\b|\bss\b/g],
  ['member', /adherent|adhesion|societaire|contrat|police|\bclient|assure|matricule|carte/g],
  ['file', /dossier|reclamation|sinistre|\bref\b|reference|decompte|courrier|demande|prise en charge/g],
];

/** The kind of the label word closest before a number, if any. */
function labelBefore(before: string): ReferenceKind | null {
  let best: ReferenceKind | null = null;
  let bestAt = -1;
  for (const [kind, pattern] of REFERENCE_LABELS) {
    for (const m of allMatches(before, pattern)) {
      if (m.index > bestAt) {
        best = kind;
        bestAt = m.index;
      }
    }
  }
  return best;
}

const NIR =
  /(?<![\d])[12][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2a|2b)[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\d])/g;
const CANDIDATE = /(?<![\w-])(?:[a-z]{1,5}[-/]?)?\d[\d\-/]{2,}\d(?:[-/][a-z0-9]+)?(?![\w-])/g;

/** File, member and social-security numbers, when a label word ("dossier n°", "adhérent") introduces them. */
export function extractReferences(text: string, today: CalendarDate = '2000-01-01'): ReferenceMention[] {
  const folded = foldSameLength(text);
  const taken: Array<{ start: number; end: number }> = [
    ...extractAmounts(text),
    ...extractDates(text, today).filter((d) => d.kind === 'absolute'),
  ];
  const found: ReferenceMention[] = [];
  for (const m of allMatches(folded, NIR)) {
    const s = { start: m.index, end: m.index + m[0].length };
    if (overlaps(s, taken)) continue;
    const digits = m[0].replace(/[ .]/g, '');
    if (digits.length !== 13 && digits.length !== 15) continue;
    found.push({
      ...span(text, s.start, s.end),
      kind: 'social_security',
      value: text.slice(s.start, s.end).replace(/[ .]/g, ''),
    });
    taken.push(s);
  }
  for (const m of allMatches(folded, CANDIDATE)) {
    const s = { start: m.index, end: m.index + m[0].length };
    if (overlaps(s, taken)) continue;
    if ((m[0].match(/\d/g) ?? []).length < 4) continue;
    // A bare year ("en 2025") is not a reference.
    if (/^(19|20)\d{2}$/.test(m[0])) continue;
    const before = folded.slice(Math.max(0, s.start - 40), s.start);
    const kind = labelBefore(before);
    if (kind === null) continue;
    found.push({ ...span(text, s.start, s.end), kind, value: text.slice(s.start, s.end).toUpperCase() });
    taken.push(s);
  }
  return found.sort((a, b) => a.start - b.start);
}
