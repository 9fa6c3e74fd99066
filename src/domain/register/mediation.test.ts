import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.ts';
import { deadlineOf } from '../deadlines/test-builders.ts';
import type { HandledDossier } from './actions.ts';
import { canRecordMediationStep, canReferToMediator } from './mediation.ts';

const member: Actor = { id: 'm1', role: 'member', organisationId: null };
const mediator: Actor = { id: 'med1', role: 'mediator', organisationId: null };
const handler: Actor = { id: 'h1', role: 'handler', organisationId: 'orgA' };

function file(facts: HandledDossier['facts'], overrides: Partial<HandledDossier> = {}): HandledDossier {
  return {
    memberId: 'm1',
    organisationId: 'orgA',
    mediatorId: null,
    transmittedAt: '2026-11-01T10:00:00Z',
    assignedHandlerId: null,
    status: 'acknowledged',
    facts,
    ...overrides,
  };
}

const windowOn = (today: string, facts: Record<string, string>) =>
  deadlineOf('mediation.referral_window', { context: { today }, facts });

// C. consom. L612-2: referral after a written complaint answered negatively or partly, or 2 months without an
// answer, and within 1 year of the written complaint (complaint sent 02/10/2026: window opens 03/12/2026).
describe('canReferToMediator (C. consom. L612-2)', () => {
  it.each([
    [
      'before 2 months without answer: refused with the engine’s reason',
      '2026-11-23',
      { complaintSentOn: '2026-10-02' },
      'invalid_state',
    ],
    ['the day after 2 months without answer: allowed', '2026-12-03', { complaintSentOn: '2026-10-02' }, null],
    [
      'right after a rejection: allowed',
      '2026-11-23',
      { complaintSentOn: '2026-10-02', answerReceivedOn: '2026-11-20', answerOutcome: 'rejected' },
      null,
    ],
    [
      'after a partial answer: allowed',
      '2026-11-23',
      { complaintSentOn: '2026-10-02', answerReceivedOn: '2026-11-20', answerOutcome: 'partial' },
      null,
    ],
    [
      'more than a year after the complaint: refused',
      '2027-10-05',
      { complaintSentOn: '2026-10-02' },
      'invalid_state',
    ],
  ] as const)('%s', (_name, today, facts, expected) => {
    const result = canReferToMediator(member, file(facts), windowOn(today, facts), true);
    if (expected === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code: expected } });
  });

  it('quotes the engine: the date the window opens', () => {
    const facts = { complaintSentOn: '2026-10-02' };
    const result = canReferToMediator(member, file(facts), windowOn('2026-11-23', facts), true);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('03/12/2026') } });
  });

  it.each([
    ['no written complaint', member, file({}), undefined, true, 'invalid_state'],
    [
      'another member',
      { ...member, id: 'm2' },
      file({ complaintSentOn: '2026-10-02' }),
      undefined,
      true,
      'not_visible',
    ],
    [
      'the handler (only the member seizes the mediator)',
      handler,
      file({ complaintSentOn: '2026-10-02' }),
      undefined,
      true,
      'forbidden',
    ],
    [
      'already seized',
      member,
      file({ complaintSentOn: '2026-10-02', mediatorSeizedOn: '2026-12-04' }),
      undefined,
      true,
      'invalid_state',
    ],
  ] as const)('%s → %s', (_name, who, dossier, window, onRecours, code) => {
    expect(canReferToMediator(who, dossier, window, onRecours)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses when the mediator is not on Recours, saying how to seize him directly', () => {
    const facts = { complaintSentOn: '2026-10-02' };
    const result = canReferToMediator(member, file(facts), windowOn('2026-12-03', facts), false);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('directement') } });
  });
});

// R612-2: the mediator notifies the parties of the referral; R612-5: outcome within 90 days.
describe('canRecordMediationStep', () => {
  const inMediation = file(
    { complaintSentOn: '2026-10-02', mediatorSeizedOn: '2026-12-04' },
    { status: 'mediation', mediatorId: 'med1' },
  );
  it.each([
    ['the mediator of the file notifies', mediator, inMediation, 'notified', null],
    ['another mediator', { ...mediator, id: 'med2' }, inMediation, 'notified', 'not_visible'],
    ['a handler', handler, inMediation, 'outcome', 'forbidden'],
    [
      'notified twice',
      mediator,
      { ...inMediation, facts: { ...inMediation.facts, mediationNotifiedOn: '2026-12-05' } },
      'notified',
      'invalid_state',
    ],
    [
      'after the end',
      mediator,
      { ...inMediation, facts: { ...inMediation.facts, mediationEndedOn: '2027-01-05' } },
      'outcome',
      'invalid_state',
    ],
    ['not in mediation', mediator, { ...inMediation, status: 'closed' }, 'outcome', 'invalid_state'],
  ] as const)('%s → %s', (_name, who, dossier, step, code) => {
    const result = canRecordMediationStep(who, dossier, step);
    if (code === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code } });
  });
});
