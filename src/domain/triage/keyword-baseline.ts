import { allMatches } from '../shared/regexp.ts';
import type { Category } from './labels.ts';
import { normaliseText } from './normalise.ts';

/**
 * The baseline the classifier has to beat: a hand keyword list, written once from the category definitions
 * (GUIDE.md) and not tuned on the corpus. The category with the most hits wins; ties go to the earlier one.
 */
const KEYWORDS: ReadonlyArray<readonly [Category, RegExp]> = [
  [
    'cpam_decision',
    /\b(cpam|securite sociale|indemnites journalieres|cra|recours amiable|medecin conseil|indu|invalidite|ald|accident du travail)\b/g,
  ],
  ['termination', /\bresili\w*/g],
  ['portability', /\b(portabilite|licenci\w*|chomage|loi evin|ancien employeur)\b/g],
  [
    'rights_suspended',
    /\b(plus de droits?|droits? (fermes?|suspendus?|clos)|tiers payant|carte vitale|suspendu\w*|radie\w*)\b/g,
  ],
  ['care_refused', /\b(refus\w* de (me )?(soigner|recevoir|soins)|refus de soins|c2s|ame|patients?)\b/g],
  ['contributions', /\b(cotisations?|preleve\w*|prelevement\w*|augment\w*|tarif|primes?)\b/g],
  [
    'coverage_interpretation',
    /\b(garanties?|clause|exclu\w*|contrat|couvert\w*|carence|conditions generales)\b/g,
  ],
  ['reimbursement_contested', /\b(rembours\w*|decompte|euros)\b/g],
  ['service_quality', /\b(injoignable|attente|repond\w*|accueil|conseill\w*|telephone|perdu\w*)\b/g],
];

export function keywordCategory(text: string): Category {
  const normalised = normaliseText(text);
  let best: Category = 'other';
  let bestCount = 0;
  for (const [category, pattern] of KEYWORDS) {
    const count = allMatches(normalised, pattern).length;
    if (count > bestCount) {
      best = category;
      bestCount = count;
    }
  }
  return best;
}
