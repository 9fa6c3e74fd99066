import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import {
  LONGEST_AMBER_DAYS,
  openColourFrom,
  SETTLED_STATUS_COLOURS,
  type SlaClockId,
  type SlaColour,
} from './sla.ts';

/**
 * A day a file's colour changes, or one of PostgreSQL's date bounds: '-infinity' (a missed clock: red since always)
 * and 'infinity' (only clocks met in time: never amber nor red). As strings they sort like PostgreSQL's dates:
 * '-' before any digit, 'i' after.
 */
export type ColourDay = CalendarDate | '-infinity' | 'infinity';
export const ALWAYS: ColourDay = '-infinity';
export const NEVER: ColourDay = 'infinity';

/**
 * The days a file's worst colour (`worstColour` of its clocks, the register's traffic light) turns amber and red,
 * stored with the deadline projection (docs/decisions/0017-register-colour-filters.md). The colour moves one way
 * only: green before `amberOn`, amber from `amberOn`, red from `redOn` (`amberOn` ≤ `redOn`). Null: no clock has a
 * colour (absent, not yet applicable, due date unknown): grey whatever the day.
 */
export interface ColourDays {
  amberOn: ColourDay;
  redOn: ColourDay;
}

/** What the projection stores of a clock: the engine's status on the day of the change, and its due date. */
export interface ColouredClock {
  id: SlaClockId;
  status: string;
  dueOn: CalendarDate | null;
}

/** The earliest day (strings, ordered as PostgreSQL orders dates), NEVER when there is none. */
function earliest(days: readonly ColourDay[]): ColourDay {
  return [...days].sort()[0] ?? NEVER;
}

/**
 * The colour days of a file from its stored clocks, by the bands of sla.ts: a clock met in time is green for ever,
 * a missed one red for ever (SETTLED_STATUS_COLOURS); an open clock with a due date turns amber
 * AMBER_THRESHOLD_DAYS before it and red on it (`openColourFrom`); any other clock is grey and moves nothing.
 * The file turns a colour on the first day one of its clocks does.
 */
export function colourDaysOf(clocks: readonly ColouredClock[]): ColourDays | null {
  const amber: ColourDay[] = [];
  const red: ColourDay[] = [];
  let coloured = false;
  for (const clock of clocks) {
    const settled = SETTLED_STATUS_COLOURS[clock.status as keyof typeof SETTLED_STATUS_COLOURS];
    if (settled === 'red') {
      amber.push(ALWAYS);
      red.push(ALWAYS);
    } else if (clock.status === 'open' && clock.dueOn !== null) {
      amber.push(openColourFrom(clock.id, 'amber', clock.dueOn));
      red.push(openColourFrom(clock.id, 'red', clock.dueOn));
    } else if (settled !== 'green') {
      continue;
    }
    coloured = true;
  }
  if (!coloured) return null;
  return { amberOn: earliest(amber), redOn: earliest(red) };
}

/** The file's colour on `today` (today ≥ the day of the projection) from its colour days. */
export function colourOn(days: ColourDays | null, today: CalendarDate): SlaColour {
  if (days === null) return 'grey';
  if (days.redOn <= today) return 'red';
  if (days.amberOn <= today) return 'amber';
  return 'green';
}

/** Bounds on a colour day: strictly after `after`, on or before `upTo`. */
export interface DayBounds {
  after?: CalendarDate;
  upTo?: CalendarDate;
}

/**
 * The colour days for which a file shows `colour` on `today`, as bounds on the stored columns (inclusive `upTo`,
 * exclusive `after`), for the register's SQL filter. Amber also bounds `redOn` from above: a file amber today
 * turns red within LONGEST_AMBER_DAYS (its `amberOn` is at most that far before its `redOn`), so that an index on
 * `redOn` reads only the few files near their due date.
 */
export function colourBounds(
  colour: Exclude<SlaColour, 'grey'>,
  today: CalendarDate,
): { amberOn?: DayBounds; redOn?: DayBounds } {
  switch (colour) {
    case 'red':
      return { redOn: { upTo: today } };
    case 'amber':
      return { amberOn: { upTo: today }, redOn: { after: today, upTo: addDays(today, LONGEST_AMBER_DAYS) } };
    case 'green':
      return { amberOn: { after: today } };
  }
}
