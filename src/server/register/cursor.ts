import type { RegisterPosition, RegisterRow } from '../../db/repositories/register.ts';
import { AppError } from '../errors.ts';

/**
 * The register's page cursor: the sort keys of the last row shown, opaque to clients (base64url JSON). A cursor
 * is tied to its order: one made for the date order is refused in the urgency order.
 */
type CursorData =
  | { s: 'urgency'; d: string; r: string }
  | { s: 'date'; d: string; r: string }
  | { s: 'relevance'; o: number };

const DATE = /^(\d{4}-\d{2}-\d{2}|infinity)$/;

export function cursorAfter(sort: RegisterPosition['sort'], row: RegisterRow, offset: number): string {
  const data: CursorData =
    sort === 'urgency'
      ? { s: 'urgency', d: row.nextDueOn ?? 'infinity', r: row.reference }
      : sort === 'date'
        ? { s: 'date', d: row.complaintOn ?? '0001-01-01', r: row.reference }
        : { s: 'relevance', o: offset };
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

const invalid = () =>
  new AppError(
    'VALIDATION',
    'Curseur de page invalide : il ne correspond pas à cette liste. Reprenez le registre depuis la première page.',
    'cursor',
  );

/** The position a cursor names, for `sort`; a malformed or foreign cursor is a French 400 on `cursor`. */
export function positionOf(
  sort: RegisterPosition['sort'],
  cursor: string | undefined,
  offset: number,
): RegisterPosition {
  if (!cursor) return sort === 'relevance' ? { sort, offset } : { sort, offset };
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const d = data as Partial<{ s: string; d: unknown; r: unknown; o: unknown }>;
  if (!d || typeof d !== 'object' || d.s !== sort) throw invalid();
  if (sort === 'relevance') {
    if (typeof d.o !== 'number' || !Number.isInteger(d.o) || d.o < 0 || d.o > 100_000) throw invalid();
    return { sort, offset: d.o };
  }
  if (typeof d.d !== 'string' || !DATE.test(d.d) || typeof d.r !== 'string' || d.r.length > 100)
    throw invalid();
  return sort === 'urgency'
    ? { sort, after: { due: d.d, reference: d.r }, offset: 0 }
    : { sort, after: { on: d.d, reference: d.r }, offset: 0 };
}
