import { DOSSIER_CATEGORIES } from '../../contracts/categories.ts';
import { COMPLAINT_CHANNELS } from '../../contracts/channels.ts';
import { addDays, type CalendarDate, parts } from '../shared/calendar-date.ts';
import { DIMENSIONS, type Dimension, type Dimensions, type WeeklyCountRow } from './cells.ts';
import { seededRandom } from './random.ts';

/**
 * Synthetic complaint registers with planted spikes, to measure the detector (scripts/eval-patterns.ts) and to
 * benchmark it at a million files. Counts follow what a mutual's register looks like: a yearly season (more in
 * winter), a recurring January peak of contribution complaints (the yearly price rise: must NOT raise an alert
 * once a year of history shows it), a slow trend, week-to-week over-dispersion, and uneven shares of categories,
 * products, regions and channels. A planted spike multiplies the expected count of one combination of one to
 * three dimensions by its factor for one week.
 */

export const SYNTHETIC_PRODUCTS = [
  'Santé Essentiel',
  'Santé Plus',
  'Santé Intégrale',
  'Jeunes Actifs',
  'Seniors Confort',
  'Collective PME',
  'Collective Grands Comptes',
  'Surcomplémentaire',
] as const;

export const SYNTHETIC_REGIONS = [
  'Auvergne-Rhône-Alpes',
  'Bourgogne-Franche-Comté',
  'Bretagne',
  'Centre-Val de Loire',
  'Corse',
  'Grand Est',
  'Hauts-de-France',
  'Île-de-France',
  'Normandie',
  'Nouvelle-Aquitaine',
  'Occitanie',
  'Pays de la Loire',
  'Provence-Alpes-Côte d’Azur',
] as const;

const CATEGORY_WEIGHTS = [30, 14, 12, 12, 10, 7, 3, 5, 4, 3];
const PRODUCT_WEIGHTS = [25, 20, 10, 8, 12, 12, 8, 5];
const REGION_WEIGHTS = [12, 4, 5, 4, 0.5, 8, 9, 19, 5, 9, 9, 6, 9];
const CHANNEL_WEIGHTS = [35, 25, 15, 20, 5];

export interface PlantedSpike {
  dimensions: Dimensions;
  weekStart: CalendarDate;
  factor: number;
  /** Mean count of the combination that week without the spike, with that week's random noise (busy week, bad week for one category). */
  expected: number;
  /** The same without the week's noise: what a perfect model of the register expects (season, trend, January). */
  modelExpected: number;
  /** Complaints of the combination that week, spike included. */
  observed: number;
  /** Extra complaints actually drawn. */
  extra: number;
}

export interface SyntheticOptions {
  seed: number;
  weeks: number;
  /** Monday of week 0. */
  firstWeek: CalendarDate;
  /** Mean complaints per week at the start. */
  weeklyVolume: number;
  /** Growth per year (0.1 = +10 %). */
  yearlyTrend: number;
  /** Spikes planted in weeks ≥ `spikesFrom` (index): the evaluation period. */
  spikes: number;
  spikesFrom: number;
  /** Factors drawn for the planted spikes. */
  factors: readonly number[];
  /** Only combinations expecting at least this many complaints that week receive a spike. */
  minSpikeExpected: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = {
  seed: 1,
  weeks: 156,
  firstWeek: '2023-01-02',
  weeklyVolume: 400,
  yearlyTrend: 0.08,
  spikes: 12,
  spikesFrom: 52,
  factors: [3, 4, 5],
  minSpikeExpected: 10,
};

export interface SyntheticRegister {
  counts: WeeklyCountRow[];
  planted: PlantedSpike[];
}

const VALUES: readonly (readonly string[])[] = [
  DOSSIER_CATEGORIES,
  SYNTHETIC_PRODUCTS,
  SYNTHETIC_REGIONS,
  COMPLAINT_CHANNELS,
];
const WEIGHTS = [CATEGORY_WEIGHTS, PRODUCT_WEIGHTS, REGION_WEIGHTS, CHANNEL_WEIGHTS].map((w) => {
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
});

/** Season of a week: +25 % in mid-winter, −20 % in August, smooth in between. */
function seasonOf(date: CalendarDate): number {
  const { month, day } = parts(date);
  const yearFraction = (month - 1 + (day - 1) / 31) / 12;
  const base = 1 + 0.2 * Math.cos(2 * Math.PI * (yearFraction - 0.02));
  const august = month === 8 ? 0.85 : 1;
  return base * august;
}

/** The yearly price rise: contribution complaints ×2 the first three weeks of January. */
function januaryFactor(date: CalendarDate, category: number): number {
  const { month, day } = parts(date);
  return DOSSIER_CATEGORIES[category] === 'contributions' && month === 1 && day <= 21 ? 2 : 1;
}

function matches(spike: { codes: (number | undefined)[] }, cell: number[]): boolean {
  return spike.codes.every((c, i) => c === undefined || c === cell[i]);
}

export function syntheticRegister(options: Partial<SyntheticOptions> = {}): SyntheticRegister {
  const o = { ...DEFAULT_SYNTHETIC, ...options };
  const random = seededRandom(o.seed);
  const sizes = VALUES.map((v) => v.length);
  const fullCells: number[][] = [];
  for (let a = 0; a < sizes[0]!; a++)
    for (let b = 0; b < sizes[1]!; b++)
      for (let c = 0; c < sizes[2]!; c++) for (let d = 0; d < sizes[3]!; d++) fullCells.push([a, b, c, d]);
  const share = (cell: number[]) => cell.reduce((p, v, i) => p * WEIGHTS[i]![v]!, 1);

  // Plant the spikes first (their weeks and cells), drawn among combinations big enough that week.
  const plans: { week: number; codes: (number | undefined)[]; factor: number }[] = [];
  const usedWeeks = new Set<number>();
  for (let attempt = 0; plans.length < o.spikes && attempt < o.spikes * 200; attempt++) {
    const week = o.spikesFrom + Math.floor(random.uniform() * (o.weeks - o.spikesFrom));
    if (usedWeeks.has(week)) continue;
    const size = 1 + Math.floor(random.uniform() * 3);
    const dims = [0, 1, 2, 3].sort(() => random.uniform() - 0.5).slice(0, size);
    const codes: (number | undefined)[] = [undefined, undefined, undefined, undefined];
    let combinationShare = 1;
    for (const d of dims) {
      codes[d] = random.weighted(WEIGHTS[d]!);
      combinationShare *= WEIGHTS[d]![codes[d]!]!;
    }
    const date = addDays(o.firstWeek, week * 7);
    const volume = o.weeklyVolume * (1 + o.yearlyTrend) ** (week / 52) * seasonOf(date);
    if (volume * combinationShare < o.minSpikeExpected) continue;
    usedWeeks.add(week);
    plans.push({ week, codes, factor: random.pick(o.factors) });
  }

  const counts: WeeklyCountRow[] = [];
  const planted: PlantedSpike[] = plans.map((p) => ({
    dimensions: Object.fromEntries(
      p.codes.flatMap((c, i) => (c === undefined ? [] : [[DIMENSIONS[i] as Dimension, VALUES[i]![c]!]])),
    ) as Dimensions,
    weekStart: addDays(o.firstWeek, p.week * 7),
    factor: p.factor,
    expected: 0,
    modelExpected: 0,
    observed: 0,
    extra: 0,
  }));
  for (let week = 0; week < o.weeks; week++) {
    const date = addDays(o.firstWeek, week * 7);
    const volume = o.weeklyVolume * (1 + o.yearlyTrend) ** (week / 52) * seasonOf(date);
    // Over-dispersion: one factor for the week, one per category and week (a busy week, a bad week for one topic).
    const weekNoise = random.gamma(80) / 80;
    const categoryNoise = CATEGORY_WEIGHTS.map(() => random.gamma(40) / 40);
    for (const cell of fullCells) {
      const mean =
        volume * share(cell) * weekNoise * categoryNoise[cell[0]!]! * januaryFactor(date, cell[0]!);
      let n = random.poisson(mean);
      plans.forEach((plan, i) => {
        if (plan.week !== week || !matches(plan, cell)) return;
        const extra = random.poisson(mean * (plan.factor - 1));
        planted[i]!.expected += mean;
        planted[i]!.modelExpected += volume * share(cell) * januaryFactor(date, cell[0]!);
        planted[i]!.observed += n + extra;
        planted[i]!.extra += extra;
        n += extra;
      });
      if (n > 0) {
        counts.push({
          weekStart: date,
          category: VALUES[0]![cell[0]!]!,
          product: VALUES[1]![cell[1]!]!,
          region: VALUES[2]![cell[2]!]!,
          channel: VALUES[3]![cell[3]!]!,
          count: n,
        });
      }
    }
  }
  return { counts, planted };
}
