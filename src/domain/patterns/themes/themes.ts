import { addDays, type CalendarDate, formatFrenchDate } from '../../shared/calendar-date.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import { normaliseText, STOP_WORDS, stem, tokenise } from '../../triage/normalise.ts';
import { mondayOf } from '../cells.ts';
import { formatNumber } from '../explanation.ts';
import { type ThemeAlertDecision, themeAlerts } from './alert.ts';
import { anonymise } from './anonymise.ts';
import { nmf, type SparseRows } from './nmf.ts';

/**
 * Themes in the members' words (issue 15 §2): TF-IDF over the triage normalisation and Snowball stems, then NMF
 * (nmf.ts); each complaint belongs to its strongest theme. A theme is labelled by its characteristic terms and
 * illustrated by a few complaints with every personal detail removed (anonymise.ts). Privacy: a theme of fewer than
 * MIN_THEME_SIZE complaints is not shown at all. A theme that appears or grows fast is an alert (alert.ts): its
 * share of the texts read in the recent weeks against its share in the earlier weeks. Only the complaint's own
 * description may be given here, never a document, a message or a medical detail (the caller selects the text).
 */

export const MIN_THEME_SIZE = 5;

export interface ThemeDocument {
  id: string;
  /** Day the complaint was received. */
  receivedOn: CalendarDate;
  text: string;
}

export interface ThemeOptions {
  themes: number;
  iterations: number;
  seed: number;
  /** The last day of the analysis; the recent window ends here. */
  asOf: CalendarDate;
  /** Weeks compared: the recent window and the earlier weeks just before it. */
  recentWeeks: number;
  earlierWeeks: number;
  examples: number;
}

export const DEFAULT_THEMES: Omit<ThemeOptions, 'asOf'> = {
  themes: 20,
  iterations: 150,
  seed: 15,
  recentWeeks: 4,
  earlierWeeks: 12,
  examples: 3,
};

export interface ThemeAlert {
  kind: 'new' | 'growing';
  explanation: string;
  pValue: number;
}

export interface Theme {
  /** Characteristic terms, most characteristic first. */
  terms: string[];
  label: string;
  /** Complaints of the theme among the texts read. */
  complaints: number;
  /** Anonymised excerpts of the most typical complaints. */
  examples: string[];
  weekly: { weekStart: CalendarDate; complaints: number }[];
  /** Complaints of the theme among the texts read in the recent window, and in the earlier weeks. */
  recent: number;
  earlier: number;
  /** The theme's share of the texts read in each window. */
  recentShare: number;
  earlierShare: number;
  alert: ThemeAlert | null;
}

export interface ThemesResult {
  themes: Theme[];
  /** Texts read in each window: the denominators of the shares. */
  recentTexts: number;
  earlierTexts: number;
  recentFrom: CalendarDate;
  earlierFrom: CalendarDate;
}

const MIN_DOCUMENTS = 20;

interface Vocabulary {
  terms: string[];
  /** Stem → the word members wrote most often for it (labels read better than stems). */
  surface: string[];
  idf: Float64Array;
}

/** Placeholders left by anonymise() and titles: never a theme's word (a label must not name anyone). */
const PRIVATE_TOKENS = new Set([
  'nom',
  'nombre',
  'telephone',
  'mail',
  'mme',
  'mlle',
  'monsieur',
  'madame',
  'docteur',
]);

function stemsOf(text: string): { stems: string[]; words: string[] } {
  const stems: string[] = [];
  const words: string[] = [];
  // Anonymised first: names, numbers and contact details never reach the vocabulary, hence never a label.
  for (const token of tokenise(normaliseText(anonymise(text, Number.POSITIVE_INFINITY)))) {
    if (STOP_WORDS.has(token) || PRIVATE_TOKENS.has(token) || /\d/.test(token) || token.length < 3) continue;
    stems.push(stem(token));
    words.push(token);
  }
  return { stems, words };
}

function vocabularyOf(documents: { stems: string[]; words: string[] }[]): Vocabulary {
  const df = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const doc of documents) {
    for (const s of new Set(doc.stems)) df.set(s, (df.get(s) ?? 0) + 1);
    doc.stems.forEach((s, i) => {
      const m = surfaces.get(s) ?? new Map<string, number>();
      m.set(doc.words[i]!, (m.get(doc.words[i]!) ?? 0) + 1);
      surfaces.set(s, m);
    });
  }
  const n = documents.length;
  const minDf = Math.max(3, Math.ceil(n * 0.002));
  const terms = [...df.entries()]
    .filter(([, d]) => d >= minDf && d <= n * 0.5)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3000)
    .map(([t]) => t)
    .sort();
  const surface = terms.map((t) => {
    const m = surfaces.get(t)!;
    return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  });
  const idf = Float64Array.from(terms, (t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);
  return { terms, surface, idf };
}

function tfidf(documents: { stems: string[] }[], vocabulary: Vocabulary): SparseRows {
  const position = new Map(vocabulary.terms.map((t, i) => [t, i]));
  const index: Int32Array[] = [];
  const value: Float64Array[] = [];
  for (const doc of documents) {
    const tf = new Map<number, number>();
    for (const s of doc.stems) {
      const i = position.get(s);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const cols = [...tf.keys()].sort((a, b) => a - b);
    const vals = cols.map((c) => (1 + Math.log(tf.get(c)!)) * vocabulary.idf[c]!);
    const norm = Math.sqrt(vals.reduce((s, x) => s + x * x, 0)) || 1;
    index.push(Int32Array.from(cols));
    value.push(Float64Array.from(vals, (x) => x / norm));
  }
  return { index, value, columns: vocabulary.terms.length };
}

const percent = (share: number) => `${formatNumber(share * 100)} %`;

function explanationOf(
  decision: ThemeAlertDecision,
  theme: { recent: number; recentShare: number; earlierShare: number },
  o: ThemeOptions,
  recentFrom: CalendarDate,
): string {
  const since = formatFrenchDate(recentFrom);
  const recent = `${formatNumber(theme.recent, 0)} réclamations depuis le ${since} (${percent(theme.recentShare)} des réclamations lues)`;
  if (decision.kind === 'new') {
    return `Nouveau thème : ${recent}, aucune dans les ${o.earlierWeeks} semaines précédentes.`;
  }
  return `Thème en forte hausse : ${recent}, contre ${percent(theme.earlierShare)} dans les ${o.earlierWeeks} semaines précédentes (${formatNumber(decision.ratio ?? 0)} fois plus).`;
}

export function discoverThemes(
  documents: readonly ThemeDocument[],
  options: Partial<ThemeOptions> & { asOf: CalendarDate },
): Result<ThemesResult> {
  const o: ThemeOptions = { ...DEFAULT_THEMES, ...options };
  const prepared = documents
    .filter((d) => d.receivedOn <= o.asOf)
    .map((d) => ({ ...d, ...stemsOf(d.text) }))
    .filter((d) => d.stems.length > 0);
  if (prepared.length < MIN_DOCUMENTS) {
    return fail(
      'NOT_ENOUGH_TEXTS',
      `Seulement ${prepared.length} réclamation(s) avec une description sur la période : il en faut au moins ${MIN_DOCUMENTS} pour dégager des thèmes. Élargissez la période.`,
    );
  }
  const vocabulary = vocabularyOf(prepared);
  const k = Math.max(1, Math.min(o.themes, Math.floor(prepared.length / MIN_THEME_SIZE)));
  const x = tfidf(prepared, vocabulary);
  const { w, h } = nmf(x, k, o.iterations, o.seed);
  const members: number[][] = Array.from({ length: k }, () => []);
  prepared.forEach((_, i) => {
    const row = w[i]!;
    let best = -1;
    let bestValue = 1e-9;
    for (let a = 0; a < k; a++) {
      if (row[a]! > bestValue) {
        best = a;
        bestValue = row[a]!;
      }
    }
    if (best >= 0) members[best]!.push(i);
  });
  const recentFrom = addDays(mondayOf(o.asOf), -7 * (o.recentWeeks - 1));
  const earlierFrom = addDays(recentFrom, -7 * o.earlierWeeks);
  let recentTexts = 0;
  let earlierTexts = 0;
  for (const d of prepared) {
    if (d.receivedOn >= recentFrom) recentTexts++;
    else if (d.receivedOn >= earlierFrom) earlierTexts++;
  }
  const windows = members.map((docs) => {
    let recent = 0;
    let earlier = 0;
    for (const i of docs) {
      const day = prepared[i]!.receivedOn;
      if (day >= recentFrom) recent++;
      else if (day >= earlierFrom) earlier++;
    }
    return { recent, earlier };
  });
  // Every component belongs to the family, shown or not (alert.ts).
  const decisions = themeAlerts(windows, { recentTexts, earlierTexts });
  const share = (n: number, texts: number) => (texts > 0 ? Math.round((n / texts) * 10_000) / 10_000 : 0);
  const themes: Theme[] = [];
  for (let a = 0; a < k; a++) {
    const docs = members[a]!;
    if (docs.length < MIN_THEME_SIZE) continue;
    const ranked = [...h[a]!.keys()].sort((p, q) => h[a]![q]! - h[a]![p]! || p - q);
    const terms = ranked.slice(0, 6).map((i) => vocabulary.surface[i]!);
    const typical = [...docs].sort((p, q) => w[q]![a]! - w[p]![a]! || p - q).slice(0, o.examples);
    const weeklyMap = new Map<CalendarDate, number>();
    for (const i of docs) {
      const week = mondayOf(prepared[i]!.receivedOn);
      weeklyMap.set(week, (weeklyMap.get(week) ?? 0) + 1);
    }
    const { recent, earlier } = windows[a]!;
    const counts = {
      recent,
      earlier,
      recentShare: share(recent, recentTexts),
      earlierShare: share(earlier, earlierTexts),
    };
    const decision = decisions[a];
    themes.push({
      terms,
      label: terms.slice(0, 3).join(', '),
      complaints: docs.length,
      examples: typical.map((i) => anonymise(prepared[i]!.text)),
      weekly: [...weeklyMap.entries()]
        .sort((p, q) => (p[0] < q[0] ? -1 : 1))
        .map(([weekStart, complaints]) => ({ weekStart, complaints })),
      ...counts,
      alert: decision
        ? {
            kind: decision.kind,
            pValue: decision.pValue,
            explanation: explanationOf(decision, counts, o, recentFrom),
          }
        : null,
    });
  }
  themes.sort((p, q) => q.complaints - p.complaints || (p.label < q.label ? -1 : 1));
  return ok({ themes, recentTexts, earlierTexts, recentFrom, earlierFrom });
}
