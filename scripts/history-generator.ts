import { DOSSIER_CATEGORIES } from '../src/contracts/categories.ts';
import { addDays, type CalendarDate } from '../src/domain/shared/calendar-date.ts';
import { seededRandom } from '../src/server/register/demo-data.ts';

const CHANNELS = ['courrier', 'email', 'web', 'telephone', 'agence'];
const PRODUCTS = [
  'Santé Essentielle',
  'Santé Plus',
  'Santé Sérénité',
  'Collective Entreprise',
  'Senior Confort',
];
const REGIONS = ['75', '69', '13', '33', '59', '2A', '2B', '971', '974', '01', '95', '44', '67', '57'];
const OUTCOMES = ['accepted', 'partial', 'rejected'];

/**
 * Lines of a plausible register history (CSV with its header), deterministic for a seed: the import benchmark
 * and the KPI benchmark's register. Received dates spread over `days` days up to `lastDay`.
 */
export function* historyCsvLines(
  count: number,
  lastDay: CalendarDate,
  days = 730,
  seed = 14,
): Generator<string> {
  const random = seededRandom(seed);
  const between = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  yield 'reference,receivedOn,channel,category,product,region,acknowledgedOn,answeredOn,outcome,mediationReferredOn,satisfaction,text';
  for (let i = 0; i < count; i++) {
    const received = addDays(lastDay, -between(0, days));
    const cap = (d: CalendarDate) => (d > lastDay ? '' : d);
    const ack = random() < 0.9 ? cap(addDays(received, between(1, 16))) : '';
    const answer = random() < 0.8 ? cap(addDays(received, between(5, 90))) : '';
    const mediation = answer && random() < 0.08 ? cap(addDays(answer, between(10, 60))) : '';
    const satisfaction = answer && random() < 0.3 ? String(between(1, 5)) : '';
    yield [
      `HIST-${String(i).padStart(7, '0')}`,
      received,
      pick(CHANNELS),
      pick(DOSSIER_CATEGORIES),
      pick(PRODUCTS),
      pick(REGIONS),
      ack,
      answer,
      answer ? pick(OUTCOMES) : '',
      mediation,
      satisfaction,
      '"Réclamation reprise de l’ancien outil, remboursement contesté."',
    ].join(',');
  }
}
