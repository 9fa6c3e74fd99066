import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/roles.ts';
import {
  canDecide,
  canReadReviews,
  canRecordOpinion,
  canRequestReview,
  canVote,
  type EthicsVote,
  type ReviewState,
  tally,
  withVote,
} from './ethics.ts';

const supervisor: Actor = { id: 's1', role: 'supervisor', organisationId: 'orgA' };
const handler: Actor = { id: 'h1', role: 'handler', organisationId: 'orgA' };
const auditor: Actor = { id: 'a1', role: 'auditor', organisationId: 'orgA' };
const foreign: Actor = { id: 's9', role: 'supervisor', organisationId: 'orgB' };

const vote = (member: string, choice: EthicsVote['vote']): EthicsVote => ({
  member,
  vote: choice,
  recordedAt: '2026-11-23T10:00:00.000Z',
});
const review = (overrides: Partial<ReviewState> = {}): ReviewState => ({
  organisationId: 'orgA',
  status: 'open',
  committeeMembers: ['Dr Lemoine', 'Me Roux'],
  opinion: null,
  votes: [],
  ...overrides,
});
const withOpinion = review({
  opinion: 'Le comité estime que la prise en charge est due à titre exceptionnel.',
});

// Seed 004: an ethics committee arbitrates complex cases; every step is recorded and audited.
describe('ethics committee rules', () => {
  it.each([
    [
      'a supervisor sends a file',
      () => canRequestReview(supervisor, { organisationId: 'orgA', status: 'acknowledged' }, false),
      null,
    ],
    [
      'a handler sends a file',
      () => canRequestReview(handler, { organisationId: 'orgA', status: 'acknowledged' }, false),
      'forbidden',
    ],
    [
      'a foreign supervisor',
      () => canRequestReview(foreign, { organisationId: 'orgA', status: 'acknowledged' }, false),
      'not_visible',
    ],
    [
      'twice while open',
      () => canRequestReview(supervisor, { organisationId: 'orgA', status: 'acknowledged' }, true),
      'invalid_state',
    ],
    [
      'a closed file',
      () => canRequestReview(supervisor, { organisationId: 'orgA', status: 'closed' }, false),
      'invalid_state',
    ],
    ['opinion by a supervisor', () => canRecordOpinion(supervisor, review()), null],
    ['opinion by an auditor (read-only)', () => canRecordOpinion(auditor, review()), 'forbidden'],
    [
      'opinion after votes',
      () => canRecordOpinion(supervisor, review({ opinion: 'x', votes: [vote('Me Roux', 'for')] })),
      'invalid_state',
    ],
    ['vote before the opinion', () => canVote(supervisor, review(), 'Me Roux'), 'invalid_state'],
    ['vote of a member', () => canVote(supervisor, withOpinion, 'Me Roux'), null],
    ['vote of a stranger', () => canVote(supervisor, withOpinion, 'M. Inconnu'), 'invalid_target'],
    [
      'decide with a vote missing',
      () => canDecide(supervisor, { ...withOpinion, votes: [vote('Me Roux', 'for')] }),
      'invalid_state',
    ],
    [
      'decide with every vote',
      () =>
        canDecide(supervisor, {
          ...withOpinion,
          votes: [vote('Me Roux', 'for'), vote('Dr Lemoine', 'abstain')],
        }),
      null,
    ],
    [
      'anything after the decision',
      () => canVote(supervisor, { ...withOpinion, status: 'decided' }, 'Me Roux'),
      'invalid_state',
    ],
    ['another organisation’s review', () => canDecide(foreign, withOpinion), 'not_visible'],
    ['an auditor reads the list', () => canReadReviews(auditor), null],
    ['a handler reads the list', () => canReadReviews(handler), 'forbidden'],
  ] as const)('%s → %s', (_name, check, code) => {
    const result = check();
    if (code === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('a new vote replaces the member’s previous one, and the tally counts each member once', () => {
    const votes = withVote([vote('Me Roux', 'against'), vote('Dr Lemoine', 'for')], vote('Me Roux', 'for'));
    expect(votes).toHaveLength(2);
    expect(tally(votes)).toEqual({ for: 2, against: 0, abstain: 0 });
  });
});
