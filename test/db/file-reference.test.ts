import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertDossier,
  insertNewDossier,
  isReferenceCollision,
  REFERENCE_DRAWS,
} from '../../src/db/repositories/dossiers.ts';
import { users } from '../../src/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * A reference already taken is drawn again, never a failure for the member: with six random characters, about one
 * new reference in a thousand collides once a mutual holds a million files in a year.
 */
let database: TestDatabase;
let memberId: string;
const at = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const [member] = await database.db
    .insert(users)
    .values({ email: 'reference@example.fr', displayName: 'Référence', role: 'member' })
    .returning();
  memberId = member!.id;
});
afterAll(() => database.dispose());

const file = () => ({
  memberId,
  organisationName: 'Mutuelle Exemple',
  organisationKind: 'mutuelle' as const,
  category: 'reimbursement_contested' as const,
  title: 'Lunettes non remboursées',
  description: 'Refus de remboursement de mes lunettes.',
  createdAt: at,
  updatedAt: at,
});

describe('file references', () => {
  it('draws again when the reference is taken, inside a transaction that goes on', async () => {
    await insertDossier(database.db, { ...file(), reference: 'REC-2026-TAKEN1' });
    const draws = ['REC-2026-TAKEN1', 'REC-2026-TAKEN1', 'REC-2026-FREE01'];
    const seen: number[] = [];
    const row = await database.db.transaction(async (tx) => {
      const inserted = await insertNewDossier(tx, 2026, file(), (year) => {
        seen.push(year);
        return draws.shift()!;
      });
      // The collision did not abort the transaction: it can still write.
      await insertNewDossier(tx, 2026, file());
      return inserted;
    });
    expect(row.reference).toBe('REC-2026-FREE01');
    expect(seen).toEqual([2026, 2026, 2026]);
  });

  it('gives up after a bounded number of draws rather than looping', async () => {
    await expect(insertNewDossier(database.db, 2026, file(), () => 'REC-2026-TAKEN1')).rejects.toThrow(
      `${REFERENCE_DRAWS} draws`,
    );
  });

  it('recognises the collision error of a statement that drew a taken reference, and only that one', async () => {
    const error = await insertDossier(database.db, { ...file(), reference: 'REC-2026-TAKEN1' }).catch(
      (e) => e,
    );
    expect(isReferenceCollision(error)).toBe(true);
    expect(isReferenceCollision(new Error('autre'))).toBe(false);
    expect(isReferenceCollision({ code: '23505', constraint: 'dossiers_member_idempotency_key_idx' })).toBe(
      false,
    );
  });
});
