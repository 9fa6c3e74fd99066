import { describe, expect, it } from 'vitest';
import {
  canGiveMedicalOpinion,
  canMarkMedical,
  canReadMedicalQueue,
  canRequestMedicalOpinion,
  canUnmarkMedical,
  canWriteMedicalMessage,
  type MedicalAccess,
  mayReadPiece,
  medicalAccess,
} from './medical.ts';
import type { DossierParties } from './policy.ts';
import type { Actor, Role } from './roles.ts';

// Transmitted files: a draft is private to its member whatever its pieces (issue 16, policy.ts).
const referred = { memberId: 'm1', organisationId: 'orgA', mediatorId: 'med1', transmittedAt: '2026-11-02' };
const notReferred: DossierParties = {
  ...referred,
  mediatorId: null,
};
const actor = (role: Role, id: string, organisationId: string | null = null): Actor => ({
  id,
  role,
  organisationId,
});

const member = actor('member', 'm1');
const otherMember = actor('member', 'm2');
const handler = actor('handler', 'h1', 'orgA');
const supervisor = actor('supervisor', 's1', 'orgA');
const auditor = actor('auditor', 'a1', 'orgA');
const admin = actor('admin', 'ad1', 'orgA');
const adviser = actor('medical_adviser', 'mc1', 'orgA');
const otherAdviser = actor('medical_adviser', 'mc2', 'orgB');
const mediator = actor('mediator', 'med1');
const otherHandler = actor('handler', 'h2', 'orgB');

describe('who reads a piece marked medical', () => {
  // C. santé publ. L1110-4 (medical secrecy, shared only within care or with consent); L1111-7 (the person's own
  // access); R4127-104 and the CNOM recommendations (the médecin-conseil keeps medical detail from the organisation's
  // services); C. consom. L612-1 / R612-2 (the mediator the member referred his file to).
  const rows: [string, Actor, typeof notReferred, MedicalAccess][] = [
    ['the member who brought the file (L1111-7)', member, referred, 'content'],
    ['the medical adviser of the organisation (R4127-104, CNOM)', adviser, referred, 'content'],
    ['the mediator once the file is referred to him (L612-1)', mediator, referred, 'content'],
    ['the same mediator before the referral (L1110-4)', mediator, notReferred, 'none'],
    ['a handler of the organisation (L1110-4, R4127-104)', handler, referred, 'existence'],
    ['a supervisor (L1110-4, R4127-104)', supervisor, referred, 'existence'],
    ['an auditor (L1110-4)', auditor, referred, 'existence'],
    ['an administrator (L1110-4)', admin, referred, 'existence'],
    ['the medical adviser of another organisation (L1110-4)', otherAdviser, referred, 'none'],
    ['a handler of another organisation', otherHandler, referred, 'none'],
    ['another member', otherMember, referred, 'none'],
  ];
  it.each(rows)('%s → %s', (_why, who, dossier, expected) => {
    expect(medicalAccess(who, dossier)).toBe(expected);
  });

  it.each([
    ['content', true, true],
    ['content', false, true],
    ['existence', true, false],
    ['existence', false, true],
    ['none', false, false],
  ] as const)('access %s, medical %s → content shown: %s', (access, medical, shown) => {
    expect(mayReadPiece(access, { medical })).toBe(shown);
  });
});

describe('who marks, unmarks and writes under medical secrecy', () => {
  const rows: [string, Actor, boolean, boolean, boolean][] = [
    // [who, may mark, may lift the mark, may write a medical message]
    ['the member (his own data, L1110-4 consent)', member, true, true, true],
    ['the medical adviser', adviser, true, true, true],
    ['a handler moves a detail out of his own sight, never back', handler, true, false, false],
    ['a supervisor, likewise', supervisor, true, false, false],
    ['an auditor changes nothing', auditor, false, false, false],
    ['an administrator changes nothing', admin, false, false, false],
    ['the mediator changes nothing in the organisation’s file', mediator, false, false, false],
    ['another organisation’s adviser', otherAdviser, false, false, false],
  ];
  it.each(rows)('%s', (_why, who, mark, unmark, write) => {
    expect(canMarkMedical(who, referred)).toBe(mark);
    expect(canUnmarkMedical(who, referred)).toBe(unmark);
    expect(canWriteMedicalMessage(who, referred)).toBe(write);
  });
});

describe('medical opinions', () => {
  const rows: [string, Actor, boolean, boolean, boolean][] = [
    // [who, may request, may give, reads the queue]
    ['a handler asks (R4127-104: the adviser decides)', handler, true, false, false],
    ['a supervisor asks', supervisor, true, false, false],
    ['the adviser answers and keeps the queue', adviser, false, true, true],
    ['an auditor reads only', auditor, false, false, false],
    ['the member does not ask the organisation’s doctor for its opinion', member, false, false, false],
    ['another organisation’s adviser', otherAdviser, false, false, true],
    ['the mediator', mediator, false, false, false],
  ];
  it.each(rows)('%s', (_why, who, request, give, queue) => {
    expect(canRequestMedicalOpinion(who, referred)).toBe(request);
    expect(canGiveMedicalOpinion(who, referred)).toBe(give);
    expect(canReadMedicalQueue(who)).toBe(queue);
  });
});
