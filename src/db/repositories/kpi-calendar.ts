import { and, gte, lte, sql } from 'drizzle-orm';
import { calendarYear } from '../../domain/kpi/calendar.ts';
import { fromParts } from '../../domain/shared/calendar-date.ts';
import type { Db } from '../client.ts';
import { kpiCalendar } from '../schema.ts';

/**
 * Makes sure `kpi_calendar` covers the years asked (each row computed by the pure rule): a cheap count when it
 * already does, so KPIs, exports and imports call it before they need due dates. Idempotent and safe to race.
 */
export async function ensureKpiCalendar(db: Db, fromYear: number, toYear: number): Promise<void> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(kpiCalendar)
    .where(
      and(gte(kpiCalendar.day, fromParts(fromYear, 1, 1)), lte(kpiCalendar.day, fromParts(toYear, 12, 31))),
    );
  let expected = 0;
  for (let y = fromYear; y <= toYear; y++)
    expected += (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
  if ((row?.n ?? 0) >= expected) return;
  for (let y = fromYear; y <= toYear; y++) {
    await db.insert(kpiCalendar).values(calendarYear(y)).onConflictDoNothing();
  }
}
