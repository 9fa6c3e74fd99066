import { describe, expect, it } from 'vitest';
import { canCreateDossier, canReadDossier } from './policy.ts';
import type { Actor } from './roles.ts';

const dossier = {
  memberId: 'm1',
  organisationId: 'orgA',
  mediatorId: 'med1',
  transmittedAt: '2026-11-01T10:00:00Z',
};
const actor = (role: Actor['role'], id: string, organisationId: string | null = null): Actor => ({
  id,
  role,
  organisationId,
});

// Least privilege per role and per organisation (RGPD art. 9 health data; art. 25 privacy by design).
describe('who may read a file', () => {
  it.each([
    ['the member who brought it', actor('member', 'm1'), true],
    ['another member', actor('member', 'm2'), false],
    ['a handler of the organisation', actor('handler', 'h1', 'orgA'), true],
    ['a handler of another organisation', actor('handler', 'h2', 'orgB'), false],
    ['a supervisor of the organisation', actor('supervisor', 's1', 'orgA'), true],
    ['an auditor of another organisation', actor('auditor', 'a2', 'orgB'), false],
    ['an admin with no organisation', actor('admin', 'x', null), false],
    ['the medical adviser of the organisation', actor('medical_adviser', 'mc1', 'orgA'), true],
    ['the medical adviser of another organisation', actor('medical_adviser', 'mc2', 'orgB'), false],
    ['the mediator it was referred to', actor('mediator', 'med1'), true],
    ['another mediator', actor('mediator', 'med2'), false],
  ])('%s → %s', (_label, who, expected) => {
    expect(canReadDossier(who, dossier)).toBe(expected);
  });

  // Issue 16: a draft is private until the member transmits it to the organisation.
  it.each([
    ['the member who brought it', actor('member', 'm1'), true],
    ['a handler of the organisation', actor('handler', 'h1', 'orgA'), false],
    ['a supervisor of the organisation', actor('supervisor', 's1', 'orgA'), false],
    ['an auditor of the organisation', actor('auditor', 'a1', 'orgA'), false],
    ['an admin of the organisation', actor('admin', 'x1', 'orgA'), false],
  ])('draft not transmitted: %s → %s', (_label, who, expected) => {
    expect(canReadDossier(who, { ...dossier, transmittedAt: null })).toBe(expected);
  });

  it('only members open files for themselves', () => {
    expect(canCreateDossier(actor('member', 'm1'))).toBe(true);
    expect(canCreateDossier(actor('handler', 'h1', 'orgA'))).toBe(false);
  });
});
