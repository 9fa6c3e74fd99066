import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { insertMemberRecord } from '../../db/repositories/intake.ts';

/** A claim code is read over the phone or printed in a letter: Crockford base32, no ambiguous letters. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Long enough to outlast a reply by post (two months to answer a complaint, ACPR 2024-R-02) and a reminder. */
export const CLAIM_CODE_DAYS = 180;

export function newClaimCode(): string {
  const bytes = randomBytes(10);
  const code = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function claimCodeHash(code: string): string {
  const normalised = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return createHash('sha256').update(`recours-claim:${normalised}`).digest('hex');
}

export interface MemberRecordInput {
  displayName: string;
  email?: string | undefined;
  phone?: string | undefined;
  memberNumber?: string | undefined;
  postalAddress?: string | undefined;
}

/** Creates a member record without an account, and the code (shown once) with which he will claim it. */
export async function createMemberRecord(
  db: Db,
  organisationId: string,
  input: MemberRecordInput,
  now: Date,
) {
  const claimCode = newClaimCode();
  const record = await insertMemberRecord(db, {
    displayName: input.displayName.trim(),
    contactEmail: input.email?.trim() || null,
    phone: input.phone?.trim() || null,
    memberNumber: input.memberNumber ? normaliseMemberNumber(input.memberNumber) : null,
    postalAddress: input.postalAddress?.trim() || null,
    organisationId,
    claimCodeHash: claimCodeHash(claimCode),
    claimCodeExpiresAt: new Date(now.getTime() + CLAIM_CODE_DAYS * 86_400_000),
  });
  return { record, claimCode };
}

export function normaliseMemberNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
