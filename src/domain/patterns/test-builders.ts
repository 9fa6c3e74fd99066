import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import type { WeeklyCountRow } from './cells.ts';
import { seededRandom } from './random.ts';

export interface SmallRegisterSpike {
  week: number;
  category?: string;
  product?: string;
  region?: string;
  factor: number;
}

/**
 * A small register for unit tests: 3 categories × 3 products × 2 regions, one channel, stable Poisson counts
 * (about 180 a week), `weeks` weeks from 2024-01-01, with spikes multiplying the matching cells' means.
 */
export function smallRegister(weeks: number, spikes: SmallRegisterSpike[] = [], seed = 7): WeeklyCountRow[] {
  const random = seededRandom(seed);
  const rows: WeeklyCountRow[] = [];
  const categories = ['reimbursement_contested', 'termination', 'contributions'];
  const products = ['Santé Plus', 'Santé Essentiel', 'Seniors Confort'];
  const regions = ['Bretagne', 'Normandie'];
  for (let w = 0; w < weeks; w++) {
    const weekStart: CalendarDate = addDays('2024-01-01', w * 7);
    for (const category of categories)
      for (const product of products)
        for (const region of regions) {
          let mean = 10;
          for (const s of spikes) {
            if (s.week !== w) continue;
            if (s.category !== undefined && s.category !== category) continue;
            if (s.product !== undefined && s.product !== product) continue;
            if (s.region !== undefined && s.region !== region) continue;
            mean *= s.factor;
          }
          const count = random.poisson(mean);
          if (count > 0) rows.push({ weekStart, category, product, region, channel: 'web', count });
        }
  }
  return rows;
}
