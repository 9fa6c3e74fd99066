import { foldCase } from '../../triage/normalise.ts';
import { formatNumber } from '../explanation.ts';
import { JARGON } from './jargon.ts';

/**
 * Clarity review of a contract's clauses (issue 15 §3; ACPR Recommandation 2024-R-02 and the Code des assurances
 * art. L112-4 ask for clear, readable contracts). Readability is the Kandel–Moles formula, the French adaptation
 * of Flesch's reading ease: L = 207 − 1,015 × (mots / phrases) − 73,6 × (syllabes / mots) (Kandel L. & Moles A.,
 * « Application de l’indice de Flesch à la langue française », Cahiers Études de Radio-Télévision 19, 1958,
 * 253–274). Same scale as Flesch: 60 and above is plain, under 30 very hard. A sentence over 25 words is long
 * (the usual plain-language guidance, e.g. the Lexique des règles typographiques' advice and the CNIL's guide).
 */

export const LONG_SENTENCE_WORDS = 25;
export const PLAIN_SCORE = 60;
export const HARD_SCORE = 30;
const MIN_WORDS = 5;

export type ClauseReview =
  | { status: 'empty'; message: string }
  | { status: 'not_french'; message: string }
  | {
      status: 'scored';
      readability: number;
      level: 'facile' | 'standard' | 'difficile' | 'très difficile';
      words: number;
      sentences: number;
      longSentences: { index: number; words: number; excerpt: string }[];
      undefinedJargon: string[];
      suggestions: string[];
    };

/** Words that almost every French paragraph contains; an English or garbled text has few of them. */
const FRENCH_FUNCTION_WORDS = new Set(
  'le la les un une des du de d l et ou en au aux par pour sur dans avec sans est sont a ont qui que ne pas se sa son ses vous votre vos nous il elle ce cette ces tout plus'.split(
    ' ',
  ),
);

export function wordsOf(text: string): string[] {
  return foldCase(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Sentences: cut at . ! ? ; and at line breaks (a list item is a sentence); abbreviations like « art. » kept. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\b(art|al|n°|cf|ex|etc|M|Mme|Dr)\./g, '$1\u2024')
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.replace(/\u2024/g, '.').trim())
    .filter((s) => wordsOf(s).length > 0);
}

/** French syllables: groups of vowels, a final mute e (« garantie », « contrats » → -es) not counted. */
export function syllablesOf(word: string): number {
  const w = foldCase(word).replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  const mute = groups > 1 && /[^aeiouy](e|es)$/.test(w) ? 1 : 0;
  return Math.max(1, groups - mute);
}

export function kandelMoles(text: string): { score: number; words: number; sentences: number } {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap((s) => wordsOf(s));
  const syllables = words.reduce((n, w) => n + syllablesOf(w), 0);
  const score = 207 - 1.015 * (words.length / sentences.length) - 73.6 * (syllables / words.length);
  return { score: Math.round(score * 10) / 10, words: words.length, sentences: sentences.length };
}

/** Terms the contract defines somewhere (« Définitions », « X : … », « on entend par X », « X désigne »). */
export function definedTerms(clauses: readonly string[]): Set<string> {
  const defined = new Set<string>();
  for (const clause of clauses) {
    const folded = foldCase(clause);
    for (const j of JARGON) {
      const source = j.pattern.source;
      const definition = new RegExp(
        `(on entend par|definition[s]? ?:?)[^.]{0,40}(${source})|(${source})\\s*(\\([^)]*\\)\\s*)?(:|designe|correspond a|s.entend)`,
      );
      if (definition.test(folded)) defined.add(j.term);
    }
  }
  return defined;
}

function levelOf(score: number): 'facile' | 'standard' | 'difficile' | 'très difficile' {
  if (score >= 70) return 'facile';
  if (score >= PLAIN_SCORE) return 'standard';
  if (score >= HARD_SCORE) return 'difficile';
  return 'très difficile';
}

export function reviewClause(text: string, defined: ReadonlySet<string> = new Set()): ClauseReview {
  const words = wordsOf(text);
  if (words.length === 0) {
    return { status: 'empty', message: 'Clause vide : collez le texte de la clause pour la relire.' };
  }
  const letters = words.filter((w) => /[a-z]/.test(w));
  const frenchShare =
    letters.filter((w) => FRENCH_FUNCTION_WORDS.has(w)).length / Math.max(1, letters.length);
  if (letters.length < MIN_WORDS || frenchShare < 0.12) {
    return {
      status: 'not_french',
      message:
        letters.length < MIN_WORDS
          ? `Clause trop courte pour être relue (${letters.length} mot(s)) : vérifiez qu’elle a été importée en entier.`
          : 'Ce texte ne semble pas rédigé en français : la relecture ne s’applique qu’aux clauses en français. Vérifiez l’import (langue, encodage).',
    };
  }
  const { score, sentences } = kandelMoles(text);
  const longSentences = sentencesOf(text)
    .map((s, i) => ({
      index: i + 1,
      words: wordsOf(s).length,
      excerpt: s.length > 80 ? `${s.slice(0, 79)}…` : s,
    }))
    .filter((s) => s.words > LONG_SENTENCE_WORDS);
  const folded = foldCase(text);
  const undefinedJargon = JARGON.filter((j) => j.pattern.test(folded) && !defined.has(j.term));
  const suggestions: string[] = [];
  for (const s of longSentences) {
    suggestions.push(
      `Coupez la phrase ${s.index} (${formatNumber(s.words, 0)} mots) : une idée par phrase, ${LONG_SENTENCE_WORDS} mots au plus.`,
    );
  }
  for (const j of undefinedJargon) {
    suggestions.push(
      `Définissez « ${j.term} » à sa première apparition ou renvoyez à un lexique ; en termes simples : ${j.plain}.`,
    );
  }
  if (score < PLAIN_SCORE) {
    suggestions.push(
      'Préférez des mots courts et courants, la voix active et le « vous » : « nous vous remboursons » plutôt que « le remboursement est effectué ».',
    );
  }
  return {
    status: 'scored',
    readability: score,
    level: levelOf(score),
    words: words.length,
    sentences,
    longSentences,
    undefinedJargon: undefinedJargon.map((j) => j.term),
    suggestions,
  };
}
