import snowball from 'snowball-stemmers';

/**
 * French normalisation for triage: members write fast, on a phone, without accents, in SMS style. Everything
 * downstream (classifier features, cue rules, extraction context) works on the output of `normaliseText`.
 */

const stemmer = snowball.newStemmer('french');

/** Whole-word rewrites applied after accents are stripped (one token → one or more tokens). */
const WORD_FIXES: Record<string, string> = {
  // spelling slips
  mutuel: 'mutuelle',
  mutuele: 'mutuelle',
  mutelle: 'mutuelle',
  mutuell: 'mutuelle',
  mutuels: 'mutuelles',
  resilation: 'resiliation',
  resilliation: 'resiliation',
  resillier: 'resilier',
  remboursemnt: 'remboursement',
  rembourcement: 'remboursement',
  remboursment: 'remboursement',
  cotis: 'cotisation',
  prlv: 'prelevement',
  prelevt: 'prelevement',
  apelle: 'appelle',
  apeler: 'appeler',
  apele: 'appele',
  plu: 'plus',
  daccord: 'd accord',
  toujour: 'toujours',
  jamai: 'jamais',
  medcin: 'medecin',
  // SMS style
  pb: 'probleme',
  pbm: 'probleme',
  prob: 'probleme',
  rdv: 'rendez vous',
  ss: 'securite sociale',
  secu: 'securite sociale',
  ameli: 'cpam',
  tjs: 'toujours',
  tjrs: 'toujours',
  tjr: 'toujours',
  ds: 'dans',
  jai: 'j ai',
  g: 'j ai',
  jsuis: 'je suis',
  chui: 'je suis',
  jsp: 'je ne sais pas',
  ke: 'que',
  k: 'que',
  qd: 'quand',
  pr: 'pour',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pck: 'parce que',
  pcq: 'parce que',
  bcp: 'beaucoup',
  tt: 'tout',
  dc: 'donc',
  vs: 'vous',
  ms: 'mais',
  ya: 'il y a',
  bjr: 'bonjour',
  bsr: 'bonsoir',
  slt: 'salut',
  svp: 's il vous plait',
  tel: 'telephone',
  tele: 'telephone',
  email: 'mail',
  courriel: 'mail',
  mails: 'mail',
  taf: 'travail',
  boite: 'entreprise',
  kine: 'kinesitherapeute',
  ophtalmo: 'ophtalmologiste',
  dermato: 'dermatologue',
  gyneco: 'gynecologue',
  cmu: 'c2s',
  css: 'c2s',
  ij: 'indemnites journalieres',
  eur: 'euros',
  qu: 'que',
  n: 'ne',
};

/** Multi-word rewrites, applied on the space-joined token string. */
const PHRASE_FIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcaisse primaire( d assurance maladie)?\b/g, 'cpam'],
  [/\bcaisse d assurance maladie\b/g, 'cpam'],
  [/\bassurance maladie\b/g, 'cpam'],
  [/\b(la|ma|sa|votre|notre) caisse\b/g, '$1 cpam'],
  [/\bsecurite sociale\b/g, 'securite sociale'],
  [/\bcomplementaire sante solidaire\b/g, 'c2s'],
  [/\be mail\b/g, 'mail'],
  [/\bcarte vitale\b/g, 'carte vitale'],
];

/** Lower case, no accents, ligatures and typographic apostrophes folded. */
export function foldCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'");
}

/**
 * The normalised text: folded, `€` spelled out, elisions split (`j'ai` → `j ai`, `n'` → `ne`), SMS and slips
 * rewritten. Tokens are separated by single spaces; digits are kept (extraction reads the original text).
 */
export function normaliseText(text: string): string {
  const folded = foldCase(text).replace(/€/g, ' euros ');
  const raw = folded.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) out.push(rewriteToken(raw[i]!, raw[i - 1], raw[i + 1]));
  let joined = out.join(' ');
  for (const [pattern, replacement] of PHRASE_FIXES) joined = joined.replace(pattern, replacement);
  return joined;
}

/**
 * One folded token rewritten (SMS, slips): `jai` → `j ai`, `ds` → `dans`. Exported for readers that keep offsets
 * into the original text (events.ts) and must see the same words as `normaliseText`.
 */
export function rewriteToken(token: string, previous?: string, next?: string): string {
  // "c normal" (SMS) means "c'est normal"; "c'est" already yields "c est".
  if (token === 'c' && next !== 'est' && next !== 'etait') return 'c est';
  // "rien de tel" is not a telephone.
  if (token === 'tel' && previous === 'de') return token;
  return WORD_FIXES[token] ?? token;
}

export function tokenise(normalised: string): string[] {
  return normalised.split(' ').filter((t) => t.length > 0);
}

/**
 * Function words that carry no triage signal. Negations and duration words are deliberately absent:
 * "plus de droits", "toujours prélevé", "jamais reçu", "sans réponse" are the signal.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a au aux avec ce ces cet cette d de des du en et la le les l un une par pour sur dans ou ' +
    'je j tu il elle on nous vous ils elles me m te t se s lui y leur leurs ' +
    'mon ma mes ton ta tes son sa ses notre nos votre vos ' +
    'qui que quoi dont c est suis es sommes etes sont ai as avons avez ont avais avait avaient etais etait ete etre avoir ' +
    'ca cela ceci tres bonjour bonsoir salut merci madame monsieur il vous plait si'
  ).split(' '),
);

const NEGATIONS: ReadonlySet<string> = new Set([
  'ne',
  'pas',
  'plus',
  'jamais',
  'toujours',
  'rien',
  'aucun',
  'aucune',
  'sans',
  'non',
  'encore',
]);

const stemCache = new Map<string, string>();

/**
 * Snowball French stem of an accent-free word, with one repair: Snowball expects accents, so unaccented
 * third-person plurals ("prelevent", "refusent") keep their ending; we cut it so they meet their infinitive.
 */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let s = NEGATIONS.has(word) ? word : stemmer.stem(word);
  if (s.length > 6 && s.endsWith('ent') && word.endsWith('ent')) s = s.slice(0, -3);
  if (s.length > 5 && s.endsWith('e')) s = s.slice(0, -1);
  if (stemCache.size < 50_000) stemCache.set(word, s);
  return s;
}

/** Stems of the content words, in order: no stop words, no numbers, no single letters. */
export function contentStems(normalised: string): string[] {
  const out: string[] = [];
  for (const token of tokenise(normalised)) {
    if (STOP_WORDS.has(token) || /\d/.test(token) || token.length < 2) continue;
    out.push(stem(token));
  }
  return out;
}

/** Classifier features: stemmed unigrams and adjacent bigrams (`plus droit`, `toujour prelev`). */
export function featuresOf(text: string): string[] {
  return featuresFromNormalised(normaliseText(text));
}

export function featuresFromNormalised(normalised: string): string[] {
  const stems = contentStems(normalised);
  const features = new Set<string>(stems);
  for (let i = 0; i + 1 < stems.length; i++) features.add(`${stems[i]} ${stems[i + 1]}`);
  return [...features];
}

/**
 * Character n-grams of the content words (accent-free, SMS rewritten), marked `#`: they survive typos, missing
 * accents and word forms the stemmer does not join (« rembourser », « remboursé », « rembourcement »).
 */
export function charNgrams(normalised: string, sizes: ReadonlyArray<number> = [4]): string[] {
  const out = new Set<string>();
  for (const token of tokenise(normalised)) {
    if (STOP_WORDS.has(token) || /\d/.test(token) || token.length < 3) continue;
    const padded = `_${token}_`;
    for (const n of sizes) {
      if (padded.length < n) continue;
      for (let i = 0; i + n <= padded.length; i++) out.add(`#${padded.slice(i, i + n)}`);
    }
  }
  return [...out];
}
