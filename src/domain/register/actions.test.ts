import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.ts';
import {
  type AssignTarget,
  canApplyAction,
  canAssign,
  canChangePriority,
  type HandledDossier,
} from './actions.ts';

const actor = (role: Actor['role'], id: string, organisationId: string | null = 'orgA'): Actor => ({
  id,
  role,
  organisationId,
});
const handler = actor('handler', 'h1');
const otherHandler = actor('handler', 'h2');
const supervisor = actor('supervisor', 's1');
const auditor = actor('auditor', 'a1');
const admin = actor('admin', 'x1');
const member = actor('member', 'm1', null);
const mediator = actor('mediator', 'med1', null);
const foreignHandler = actor('handler', 'h9', 'orgB');

function file(overrides: Partial<HandledDossier> = {}): HandledDossier {
  return {
    memberId: 'm1',
    organisationId: 'orgA',
    mediatorId: 'med1',
    transmittedAt: '2026-11-01T10:00:00Z',
    assignedHandlerId: null,
    status: 'submitted',
    facts: { complaintSentOn: '2026-11-02' },
    ...overrides,
  };
}

const acknowledged = file({
  status: 'acknowledged',
  facts: { complaintSentOn: '2026-11-02', acknowledgedOn: '2026-11-04' },
});
const answered = file({
  status: 'answered',
  facts: { complaintSentOn: '2026-11-02', answerReceivedOn: '2026-11-20' },
});

// Who may do what to a file (issue 5; ACPR 2024-R-02 for the order of acknowledgment and answer).
describe('canApplyAction', () => {
  it.each([
    // Access: a file one may not see is "not found"; read-only and outside roles are refused.
    ['a handler of another organisation', foreignHandler, file(), 'acknowledge', 'not_visible'],
    ['the member, on his own file', member, file(), 'acknowledge', 'forbidden'],
    ['the mediator of the file', mediator, file({ status: 'mediation' }), 'close', 'forbidden'],
    ['an auditor (read-only)', auditor, file(), 'note', 'forbidden'],
    ['an admin does not handle files', admin, file(), 'decide', 'forbidden'],
    [
      'a handler, on a file assigned to another',
      handler,
      file({ assignedHandlerId: 'h2' }),
      'decide',
      'forbidden',
    ],
    ['a handler may still note a colleague’s file', handler, file({ assignedHandlerId: 'h2' }), 'note', null],
    ['a handler, on an unassigned file', handler, file(), 'acknowledge', null],
    ['a supervisor, on anyone’s file', supervisor, file({ assignedHandlerId: 'h2' }), 'acknowledge', null],
    // Acknowledgment (ACPR 2024-R-02: within 10 jours ouvrables).
    ['acknowledge a draft', handler, file({ status: 'draft', facts: {} }), 'acknowledge', 'invalid_state'],
    ['acknowledge twice', handler, acknowledged, 'acknowledge', 'invalid_state'],
    ['acknowledge an answered file', handler, answered, 'acknowledge', 'invalid_state'],
    // Document requests during instruction only.
    ['request documents while acknowledged', otherHandler, acknowledged, 'request_document', null],
    ['request documents again', handler, file({ status: 'awaiting_member' }), 'request_document', null],
    [
      'request documents on a closed file',
      handler,
      file({ status: 'closed' }),
      'request_document',
      'invalid_state',
    ],
    // Decision: no prior acknowledgment needed (an answer in 10 days stands for it), never on a closed file.
    ['decide without acknowledging first', handler, file(), 'decide', null],
    ['decide while awaiting the member', handler, file({ status: 'awaiting_member' }), 'decide', null],
    ['decide a draft', handler, file({ status: 'draft', facts: {} }), 'decide', 'invalid_state'],
    ['decide twice', handler, answered, 'decide', 'invalid_state'],
    ['decide a closed file', supervisor, file({ status: 'closed' }), 'decide', 'invalid_state'],
    ['decide a file in mediation', supervisor, file({ status: 'mediation' }), 'decide', 'invalid_state'],
    // Reopen: supervisors only, answered or closed files only.
    ['a handler reopens', handler, answered, 'reopen', 'forbidden'],
    ['a supervisor reopens an answered file', supervisor, answered, 'reopen', null],
    ['a supervisor reopens a closed file', supervisor, file({ status: 'closed' }), 'reopen', null],
    ['a supervisor reopens an open file', supervisor, acknowledged, 'reopen', 'invalid_state'],
    // Close: after the answer, or after the mediation ended.
    ['close an answered file', handler, answered, 'close', null],
    ['close before answering', handler, acknowledged, 'close', 'invalid_state'],
    ['close twice', handler, file({ status: 'closed' }), 'close', 'invalid_state'],
    [
      'close during a mediation',
      handler,
      file({ status: 'mediation', facts: { mediatorSeizedOn: '2026-11-10' } }),
      'close',
      'invalid_state',
    ],
    [
      'close after the mediation ended',
      handler,
      file({
        status: 'mediation',
        facts: { mediatorSeizedOn: '2026-11-10', mediationEndedOn: '2026-11-20' },
      }),
      'close',
      null,
    ],
  ] as const)('%s → %s', (_name, who, dossier, action, expected) => {
    const result = canApplyAction(who, dossier, action);
    if (expected === null) {
      expect(result).toEqual({ ok: true, value: true });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(expected);
        expect(result.error.message).toMatch(/[a-zé]/);
      }
    }
  });

  it('says why in French, with the date already recorded', () => {
    const result = canApplyAction(handler, acknowledged, 'acknowledge');
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('04/11/2026') } });
  });
});

const target = (
  id: string,
  role: AssignTarget['role'] = 'handler',
  organisationId = 'orgA',
): AssignTarget => ({
  id,
  role,
  organisationId,
});

describe('canAssign', () => {
  it.each([
    ['a supervisor assigns an unassigned file', supervisor, file(), target('h1'), true],
    ['a supervisor reassigns', supervisor, file({ assignedHandlerId: 'h1' }), target('h2'), true],
    ['an admin assigns', admin, file(), target('h1'), true],
    [
      'a supervisor assigns to the same handler: nothing to change',
      supervisor,
      file({ assignedHandlerId: 'h1' }),
      target('h1'),
      false,
    ],
    ['a supervisor unassigns', supervisor, file({ assignedHandlerId: 'h1' }), null, true],
    [
      'to a handler of another organisation',
      supervisor,
      file(),
      target('h9', 'handler', 'orgB'),
      'invalid_target',
    ],
    ['to a member', supervisor, file(), target('m1', 'member', 'orgA'), 'invalid_target'],
    ['a handler takes an unassigned file', handler, file(), target('h1'), true],
    ['a handler takes his own file again', handler, file({ assignedHandlerId: 'h1' }), target('h1'), false],
    [
      'a handler takes a colleague’s file',
      handler,
      file({ assignedHandlerId: 'h2' }),
      target('h1'),
      'forbidden',
    ],
    ['a handler gives a file to a colleague', handler, file(), target('h2'), 'forbidden'],
    ['an auditor assigns', auditor, file(), target('h1'), 'forbidden'],
    ['a foreign supervisor', actor('supervisor', 's9', 'orgB'), file(), target('h1'), 'not_visible'],
    ['a closed file', supervisor, file({ status: 'closed' }), target('h1'), 'invalid_state'],
  ] as const)('%s → %s', (_name, who, dossier, to, expected) => {
    const result = canAssign(who, dossier, to);
    if (typeof expected === 'boolean') expect(result).toEqual({ ok: true, value: expected });
    else expect(result).toMatchObject({ ok: false, error: { code: expected } });
  });
});

describe('canChangePriority', () => {
  it.each([
    ['a supervisor', supervisor, file(), true],
    ['a handler on his file', handler, file({ assignedHandlerId: 'h1' }), true],
    ['a handler on an unassigned file', handler, file(), false],
    ['an auditor', auditor, file(), false],
    ['a closed file', supervisor, file({ status: 'closed' }), false],
  ] as const)('%s → %s', (_name, who, dossier, allowed) => {
    expect(canChangePriority(who, dossier).ok).toBe(allowed);
  });
});
