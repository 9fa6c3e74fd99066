/**
 * Text meant for developers must never reach a member or a handler: file names of the project's notes
 * (« reference.md § », « référence § »), research seeds (« seed 000 »), engine option names (« option
 * mutuelleMediator »), internal codes (« dentaire_prothese »), or a researcher's doubt (« valeur non tranchée par
 * les sources »), field names of the code (« employmentContractEndOn »). Sources are shown as what they are: a text and its article (« C. consom., art. L612-2 »,
 * « Recommandation ACPR 2024-R-02 »). One function renders them, so that every surface (pages, letters, API
 * messages, checklist) says the same; `internalTextIn` is what the tests look for.
 */

/** Patterns of internal text, each with a short name for test failures. */
export const INTERNAL_TEXT: ReadonlyArray<readonly [string, RegExp]> = [
  ['project notes file', /reference\.md/i],
  ['project notes section', /r[ée]f[ée]rence\s*§/i],
  ['research seed', /\(?\bseed\s*\d{2,3}\b/i],
  ['engine option name', /\boption\s+[a-z]+[A-Z][A-Za-z]*/],
  ['internal code', /\b[a-z]+_[a-z]+(?:_[a-z]+)*\b/],
  // « (employmentContractEndOn) », « options.requestedDocuments »: a field of the code, not a word of French.
  // (« iPhone » is a word: one lower-case letter before the capital.)
  ['code field name', /\b(?:[a-z]+\.)*[a-z]{2,}[A-Z][a-z]+[A-Za-z]*\b/],
  ['researcher doubt', /non tranch[ée]e? par les sources/i],
];

/** The internal strings found in a user-facing text (empty: clean). */
export function internalTextIn(text: string): string[] {
  const found: string[] = [];
  for (const [name, pattern] of INTERNAL_TEXT) {
    const m = text.match(pattern);
    if (m) found.push(`${name}: « ${m[0]} »`);
  }
  return found;
}

const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  // « C. consom. L612-2 (reference.md §2) », « (reference.md §1–§3) », « reference.md §6 »
  [/\s*\((?:\/work\/shared\/domain\/)?reference\.md[^)]*\)/gi, ''],
  [/\s*(?:\/work\/shared\/domain\/)?reference\.md\s*(?:§\s*[\d–-]+(?:\s*[-–]\s*§?\s*\d+)?)?/gi, ''],
  // « (référence §6, syngof.fr) » → « (syngof.fr) »; « (référence §6) » → ''; « référence §6 : X » → « X »
  [/\(\s*r[ée]f[ée]rence\s*§\s*\d+\s*\)/gi, ''],
  [/\(\s*r[ée]f[ée]rence\s*§\s*\d+\s*[,;]\s*/gi, '('],
  [/[;,]\s*r[ée]f[ée]rence\s*§\s*\d+/gi, ''],
  [/r[ée]f[ée]rence\s*§\s*\d+\s*:\s*/gi, ''],
  [/r[ée]f[ée]rence\s*§\s*\d+\s*/gi, ''],
  // « (seed 000 : « … ») », « (seed 000, seed 002) », « (seed 000) »
  [/\s*\(\s*seed\s*\d+[^()]*(?:\([^()]*\)[^()]*)*\)/gi, ''],
  // « (option complaintCountFrom = receipt) », « option mutuelleMediator »
  [/\s*\(\s*option\s+[a-z]+[A-Z][A-Za-z]*[^)]*\)/g, ''],
  [/\boption\s+[a-z]+[A-Z][A-Za-z]*/g, 'paramètre choisi'],
  [/valeur non tranch[ée]e? par les sources/gi, 'valeur incertaine, les sources divergent'],
  [/\(\s*\)/g, ''],
  [/ {2,}/g, ' '],
];

/**
 * What a bare section of the project's notes stands for, when a source is nothing else: the public texts that
 * section summarises (ACPR recommendation, consumer code, social security code…).
 */
const SECTION_SOURCES: Record<string, string> = {
  '1': 'Recommandation ACPR 2024-R-02',
  '2': 'Code de la consommation, art. L612-1 à L612-5',
  '3': 'Code de la sécurité sociale, art. R142-1 et L217-7-1',
  '4': 'Code de la mutualité, art. L221-11 ; Code des assurances, art. L114-1',
  '5': 'Code de la mutualité, art. L221-10-2',
  '6': 'service-public.fr F17042 (remboursement des soins)',
};

const MAYBE_INTERNAL = /reference\.md|f[ée]rence\s*§|seed\s*\d|option\s+[a-z]+[A-Z]|non tranch/i;

/** A user-facing text without the internal markers above (the rest is left as written). */
export function publicText(text: string): string {
  const bare = text.match(
    /^\s*(?:\/work\/shared\/domain\/)?(?:reference\.md|r[ée]f[ée]rence)\s*§\s*(\d)\s*$/i,
  );
  if (bare) return SECTION_SOURCES[bare[1]!] ?? 'Textes publics cités';
  // Most texts are clean: one cheap test before the rewrites (engines call this on every string they return).
  if (!MAYBE_INTERNAL.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  return out.trim();
}

/**
 * A source as a member reads it: the text and its article. « C. consom. L612-2 1° (reference.md §2) » →
 * « C. consom., art. L612-2 1° ». Codes cited without « art. » get it; other sources are only cleaned.
 */
export function publicSource(source: string): string {
  const cleaned = publicText(source);
  return cleaned.replace(
    /^(C\. consom\.|C\. civ\.|CSS|C\. assurances|Code de la mutualité|Code de la sécurité sociale)\s+(?!art\.)([LRD]\s?\d)/,
    '$1, art. $2',
  );
}

/** Every string of a value (an engine's output) made public; other values unchanged. */
export function publicDeep<T>(value: T): T {
  if (typeof value === 'string') return publicText(value) as T;
  if (Array.isArray(value)) return value.map((v) => publicDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = publicDeep(v);
    return out as T;
  }
  return value;
}
