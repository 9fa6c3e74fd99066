/**
 * What a theme may show of a member's words: no e-mail, telephone, number (member number, NIR, IBAN, amount,
 * date) and no name. RGPD art. 5-1-c (data minimisation): a theme illustrates a problem, not a person. Names are
 * found the way a reader would: a capitalised word inside a sentence (or after Monsieur, Mme, Dr…) that is not a
 * known acronym or institution; this also hides product names, which is the safe side.
 */

const KEPT_CAPITALISED = new Set([
  'CPAM',
  'AMO',
  'AMC',
  'ALD',
  'CRA',
  'C2S',
  'ACPR',
  'OPTAM',
  'Sécurité',
  'Securite',
  'Assurance',
  'Maladie',
  'France',
  'Santé',
  'Sante',
  'M.',
  'Mme',
  'Mlle',
  'Mr',
  'Monsieur',
  'Madame',
  'Mademoiselle',
  'Dr',
  'Docteur',
  'Me',
  'Maître',
  'Pr',
]);

const HONORIFIC =
  /\b(?:M\.|Mme|Mlle|Mr|Monsieur|Madame|Mademoiselle|Dr|Docteur|Me|Maître|Pr)\.?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;

export function anonymise(text: string, maxLength = 200): string {
  let out = text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail]')
    .replace(/(?<![\p{L}\p{N}])(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\p{N})/gu, '[téléphone]')
    .replace(HONORIFIC, (m) => `${m.split(/\s+/)[0]} [nom]`)
    .replace(/\b[\p{L}]*\d[\p{L}\p{N}]*(?:[\s.,/-]\d+)*/gu, '[nombre]');
  // Capitalised words inside a sentence (not after . ! ? or at the start).
  out = out.replace(
    /([^.!?\s]\s+)(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)*)/gu,
    (m, before: string, word: string) =>
      word.split(/\s+/).every((w) => KEPT_CAPITALISED.has(w)) ? m : `${before}[nom]`,
  );
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > maxLength ? `${out.slice(0, maxLength - 1).trimEnd()}…` : out;
}
