import { describe, expect, it } from 'vitest';
import { checkStaffChange, type StaffChange, type StaffMember } from './staff-changes.ts';

// RGPD art. 32 §1 b): the organisation keeps an active administrator to manage accesses to health data.
const admin = (id: string, active = true): StaffMember => ({ id, role: 'admin', active });
const handler: StaffMember = { id: 'h', role: 'handler', active: true };

describe('changes to a staff account (RGPD art. 32: an organisation keeps an administrator)', () => {
  it.each<[string, StaffMember, StaffChange, string[], string | null]>([
    ['demoting the last admin', admin('b'), { role: 'supervisor' }, ['b'], 'LAST_ADMIN'],
    ['deactivating the last admin', admin('b'), { active: false }, ['b'], 'LAST_ADMIN'],
    ['demoting oneself as last admin', admin('a'), { role: 'handler' }, ['a'], 'LAST_ADMIN'],
    ['demoting an admin when another remains', admin('b'), { role: 'auditor' }, ['a', 'b'], null],
    ['deactivating an admin when another remains', admin('b'), { active: false }, ['a', 'b'], null],
    ['deactivating oneself', admin('a'), { active: false }, ['a', 'b'], 'SELF_DEACTIVATION'],
    ['promoting a handler', handler, { role: 'admin' }, ['a'], null],
    ['deactivating a handler', handler, { active: false }, ['a'], null],
    // An inactive admin is not counted: reactivating him is always allowed.
    ['reactivating an inactive admin', admin('c', false), { active: true }, ['a'], null],
    ['keeping the last admin an admin', admin('a'), { role: 'admin' }, ['a'], null],
  ])('%s', (_what, target, change, activeAdminIds, refusal) => {
    const result = checkStaffChange({ actorId: 'a', target, change, activeAdminIds });
    expect(result.ok ? null : result.error.code).toBe(refusal);
  });

  it('says in French what to do first', () => {
    const result = checkStaffChange({
      actorId: 'a',
      target: admin('a'),
      change: { role: 'handler' },
      activeAdminIds: ['a'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('dernier administrateur');
      expect(result.error.field).toBe('role');
    }
  });
});
