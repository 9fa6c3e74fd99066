/**
 * Published figures of the three mediators of health cover, dated and sourced (docs reference §8). Kept as data: a
 * new annual report is a new row. `null` where the source does not give the figure.
 */
export interface MediatorFigures {
  mediator: 'lma' | 'fnmf' | 'ctip';
  year: number;
  referrals: number | null;
  /** Share of referrals found inadmissible (all reasons), 0 to 1. */
  inadmissibleShare: number | null;
  /** Share of referrals premature (no written complaint or 2 months not passed), 0 to 1. */
  prematureShare: number | null;
  /** Share of opinions in the member's favour (in full or in part), 0 to 1. */
  opinionsForMemberShare: number | null;
  /** Average handling time, in days. */
  averageHandlingDays: number | null;
  source: string;
  confidence: 'primary' | 'secondary';
}

export const MEDIATOR_NAMES = {
  lma: 'La Médiation de l’Assurance (LMA)',
  fnmf: 'Médiateur de la Mutualité Française (FNMF)',
  ctip: 'Médiateur de la protection sociale (CTIP)',
} as const;

export const MEDIATOR_FIGURES: readonly MediatorFigures[] = [
  {
    mediator: 'lma',
    year: 2019,
    referrals: 14_758,
    inadmissibleShare: 0.68,
    prematureShare: 0.46,
    opinionsForMemberShare: 0.25,
    averageHandlingDays: null,
    source:
      'lafinancepourtous.com (rapport 2019 de LMA) : 46 % prématurées, 22 % hors champ, 32 % recevables',
    confidence: 'secondary',
  },
  {
    mediator: 'lma',
    year: 2022,
    referrals: 21_502,
    inadmissibleShare: null,
    prematureShare: null,
    opinionsForMemberShare: 0.31,
    averageHandlingDays: 213,
    source:
      'medi-site.fr ; clubdesmediateurs.fr (4 368 propositions, 31 % favorables ; un peu plus de 7 mois)',
    confidence: 'secondary',
  },
  {
    mediator: 'lma',
    year: 2023,
    referrals: 30_620,
    inadmissibleShare: 0.59,
    prematureShare: 0.35,
    opinionsForMemberShare: null,
    averageHandlingDays: null,
    source: 'inc-conso.fr (rapport 2023 de LMA) : environ 59 % irrecevables dont 35 % prématurées',
    confidence: 'secondary',
  },
  {
    mediator: 'lma',
    year: 2024,
    referrals: 36_540,
    inadmissibleShare: null,
    prematureShare: null,
    opinionsForMemberShare: null,
    averageHandlingDays: 213,
    source: 'optionfinance.fr (rapport 2024 de LMA) : environ 7 mois en moyenne, 39 % en moins de 3 mois',
    confidence: 'secondary',
  },
  {
    mediator: 'fnmf',
    year: 2018,
    referrals: 3_511,
    inadmissibleShare: 1 - 971 / 3_511,
    prematureShare: null,
    opinionsForMemberShare: 0.48,
    averageHandlingDays: null,
    source:
      'newsassurancespro.com : 3 511 demandes, 971 dossiers ouverts, 542 avis, 52 % en faveur de la mutuelle (aucun chiffre 2022-2025 publié trouvé)',
    confidence: 'secondary',
  },
  {
    mediator: 'ctip',
    year: 2018,
    referrals: 703,
    inadmissibleShare: null,
    prematureShare: null,
    opinionsForMemberShare: null,
    averageHandlingDays: 121,
    source: 'newsassurancespro.com : 703 saisines, 95 avis, 97 % suivis, 121 jours en moyenne',
    confidence: 'secondary',
  },
  {
    mediator: 'ctip',
    year: 2022,
    referrals: 1_068,
    inadmissibleShare: 0.76,
    prematureShare: 0.43,
    opinionsForMemberShare: null,
    averageHandlingDays: null,
    source: 'klesiaprosocial.fr : 43 % prématurées, 33 % mal orientées, 255 examinées, 111 avis',
    confidence: 'secondary',
  },
];

/** What makes the organisation's figures comparable to the mediators', or not (shown beside each figure). */
export const COMPARABILITY_NOTES = [
  'Les médiateurs comptent les saisines de tous les organismes de leur famille ; vos chiffres ne portent que sur vos réclamations : comparez des parts, pas des volumes.',
  'Une saisine « prématurée » est faite sans réclamation écrite préalable ou avant les 2 mois de réponse (C. consom. L612-2) : votre part de saisines avant réponse et avant 2 mois est l’équivalent de votre côté.',
  'Le délai des médiateurs court de la saisine à l’avis (90 jours légaux, R612-5) ; votre délai médian de réponse court de la réception à la réponse : ce ne sont pas les mêmes étapes.',
  'Les avis « en faveur de l’adhérent » des médiateurs se rapprochent de vos réponses favorables ou partielles, mais un médiateur ne voit que les litiges que l’organisme n’a pas réglés.',
  'Les chiffres publiés sont de source secondaire (presse spécialisée citant les rapports annuels) : vérifiez le rapport du médiateur avant de les citer.',
] as const;

/** The latest published figures of each mediator (by year). */
export function latestFigures(): MediatorFigures[] {
  const latest = new Map<string, MediatorFigures>();
  for (const f of MEDIATOR_FIGURES) {
    const current = latest.get(f.mediator);
    if (!current || f.year > current.year) latest.set(f.mediator, f);
  }
  return [...latest.values()];
}
