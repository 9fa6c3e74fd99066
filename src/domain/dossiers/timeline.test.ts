import { describe, expect, it } from 'vitest';
import type { Deadline } from '../deadlines/schema.ts';
import {
  buildTimeline,
  EVENT_RULES,
  factLabel,
  type TimelineActor,
  type TimelineEvent,
  type TimelineInput,
} from './timeline.ts';

const member: TimelineActor = { id: 'm1', name: 'Camille Martin', role: 'member' };
const handler: TimelineActor = { id: 'h1', name: 'Sophie Leroy', role: 'handler' };

const event = (
  type: string,
  payload: Record<string, unknown> = {},
  actor = member,
  seq = 1,
): TimelineEvent => ({
  seq,
  type,
  occurredAt: '2026-11-20T09:00:00.000Z',
  actor,
  payload,
});

const deadline = (over: Partial<Deadline>): Deadline => ({
  id: 'complaint.answer',
  kind: 'deadline',
  title: 'Réponse à la réclamation',
  party: 'organisation',
  opensOn: null,
  dueDate: '2026-12-15',
  status: 'open',
  daysLeft: 22,
  rolledOver: false,
  rule: '',
  source: 'ACPR 2024-R-02',
  action: 'Attendre la réponse.',
  computation: '',
  notes: [],
  ...over,
});

const input = (over: Partial<TimelineInput>): TimelineInput => ({
  audience: 'member',
  viewerId: 'm1',
  today: '2026-11-23',
  events: [],
  contacts: [],
  documents: [],
  messages: [],
  facts: {},
  deadlines: [],
  ...over,
});

describe('event sentences, by viewer', () => {
  // [why, event, audience, viewer, expected text or null when hidden]
  const rows: [string, TimelineEvent, 'member' | 'staff', string, string | null][] = [
    [
      'the member reads his own action',
      event('dossier.created'),
      'member',
      'm1',
      'Vous avez ouvert le dossier.',
    ],
    [
      'staff read the member by name',
      event('dossier.created'),
      'staff',
      'h1',
      'Camille Martin (Adhérent) a ouvert le dossier.',
    ],
    [
      'a status change reads with French labels',
      event(
        'dossier.status_changed',
        { before: { status: 'submitted' }, after: { status: 'acknowledged' } },
        handler,
      ),
      'member',
      'm1',
      'Le dossier passe de « Réclamation envoyée » à « Accusé de réception ».',
    ],
    [
      'a rating',
      event('dossier.satisfaction_recorded', { after: { score: 4 } }),
      'member',
      'm1',
      'Vous avez donné votre avis sur le traitement du dossier : 4/5.',
    ],
    [
      'staff read a member’s rating in the third person',
      event('dossier.satisfaction_recorded', { after: { score: 2 } }),
      'staff',
      'h1',
      'Camille Martin (Adhérent) a donné son avis sur le traitement du dossier : 2/5.',
    ],
    ['an access is the RGPD log, not the story', event('dossier.viewed'), 'staff', 'h1', null],
    ['a document reading likewise', event('document.viewed'), 'member', 'm1', null],
    [
      'an internal note event is hidden (the row speaks for staff)',
      event('note.posted', {}, handler),
      'member',
      'm1',
      null,
    ],
    ['a staff-only event stays with staff', event('dossier.assigned', {}, handler), 'member', 'm1', null],
    [
      '… and reads for staff',
      event('dossier.assigned', {}, handler),
      'staff',
      'h1',
      'Le dossier a été attribué à un conseiller.',
    ],
    [
      'an unknown back-office event never reaches a member',
      event('register.exported', {}, handler),
      'member',
      'm1',
      null,
    ],
    [
      '… and shows its type to staff',
      event('register.exported', {}, handler),
      'staff',
      'h1',
      'Événement « register.exported ».',
    ],
  ];
  it.each(rows)('%s', (_why, e, audience, viewerId, expected) => {
    const { entries } = buildTimeline(input({ audience, viewerId, events: [e] }));
    expect(entries[0]?.text ?? null).toBe(expected);
  });

  it('details a facts update with French labels and dates', () => {
    const e = event('dossier.facts_updated', {
      changes: [{ field: 'complaintSentOn', before: null, after: '2026-09-15' }],
    });
    expect(buildTimeline(input({ events: [e] })).entries[0]?.detail).toBe(
      "Date d'envoi de la réclamation écrite : 15/09/2026",
    );
  });

  it('names facts from the deadline engine’s schema', () => {
    expect(factLabel('cpamDecisionNotifiedOn')).toBe(
      'Date de notification de la décision de la CPAM contestée',
    );
    expect(factLabel('inconnu')).toBe('inconnu');
  });
});

describe('what a member never sees', () => {
  it('drops internal notes from the member’s view, keeps them for staff', () => {
    const messages = [
      {
        id: 'x',
        body: 'secret',
        kind: 'message',
        internal: true,
        createdAt: '2026-11-21T08:00:00.000Z',
        author: handler,
      },
      {
        id: 'y',
        body: 'Bonjour',
        kind: 'message',
        internal: false,
        createdAt: '2026-11-21T09:00:00.000Z',
        author: handler,
      },
    ];
    const forMember = buildTimeline(input({ messages }));
    expect(forMember.entries.map((e) => e.detail)).toEqual(['Bonjour']);
    const forStaff = buildTimeline(input({ audience: 'staff', viewerId: 'h1', messages }));
    expect(forStaff.entries.map((e) => e.kind)).toEqual(['note', 'message']);
    expect(forStaff.entries[0]?.text).toBe('Note interne de vous.');
  });
});

describe('order and next step', () => {
  it('places facts, dated pieces and deadlines on one axis, oldest first', () => {
    const t = buildTimeline(
      input({
        facts: { complaintSentOn: '2026-09-15', answerOutcome: 'rejected' },
        documents: [
          {
            id: 'd',
            kind: 'invoice',
            title: 'Facture',
            documentDate: '2026-09-02',
            uploadedAt: '2026-11-22T10:00:00.000Z',
            author: member,
          },
        ],
        contacts: [
          {
            id: 'c',
            occurredAt: '2026-10-01T08:00:00.000Z',
            channel: 'phone',
            agentName: null,
            reference: 'R1',
            summary: 'Appel',
            promises: 'Rappel sous 8 jours',
            author: member,
          },
        ],
        events: [event('dossier.created')],
        deadlines: [deadline({})],
      }),
    );
    expect(t.entries.map((e) => e.ref)).toEqual([
      'document:d',
      'fact:complaintSentOn',
      'contact:c',
      'event:1',
      'deadline:complaint.answer',
    ]);
    expect(t.entries[2]).toMatchObject({
      text: 'Contact par téléphone (réf. R1), noté par vous.',
      detail: 'Appel\nPromesse : Rappel sous 8 jours',
    });
    expect(t.entries[4]?.upcoming).toBe(true);
  });

  it('puts a deadline after everything else of its day', () => {
    const t = buildTimeline(
      input({
        events: [{ ...event('dossier.created'), occurredAt: '2026-12-15T21:00:00.000Z' }],
        deadlines: [deadline({})],
      }),
    );
    expect(t.entries.map((e) => e.kind)).toEqual(['event', 'deadline']);
  });

  // [why, deadlines, next deadline id for the member, waiting-for id]
  const rows: [string, Deadline[], string | null, string | null][] = [
    ['nothing open', [deadline({ status: 'met' })], null, null],
    ['the organisation must answer', [deadline({})], null, 'complaint.answer'],
    [
      'the member’s earliest open deadline wins',
      [
        deadline({ id: 'mediation.referral_window', party: 'member', dueDate: '2027-09-15' }),
        deadline({ id: 'cpam.cra_referral', party: 'member', dueDate: '2027-01-05' }),
      ],
      'cpam.cra_referral',
      null,
    ],
    [
      'a missed deadline is no next step',
      [deadline({ party: 'member', status: 'missed', dueDate: '2026-11-01' })],
      null,
      null,
    ],
    ['an undated deadline has no place', [deadline({ party: 'member', dueDate: null })], null, null],
  ];
  it.each(rows)('%s', (_why, deadlines, next, waiting) => {
    const t = buildTimeline(input({ deadlines }));
    expect(t.next?.deadlineId ?? null).toBe(next);
    expect(t.waitingFor?.deadlineId ?? null).toBe(waiting);
  });

  it('says what to do and by when', () => {
    const t = buildTimeline(
      input({
        deadlines: [
          deadline({
            id: 'cpam.cra_referral',
            title: 'Saisine de la CRA',
            party: 'member',
            dueDate: '2026-11-24',
          }),
        ],
      }),
    );
    expect(t.next?.text).toBe('À faire avant le 24/11/2026 (dans 1 jour) : Saisine de la CRA.');
    const today = buildTimeline(input({ deadlines: [deadline({ party: 'member', dueDate: '2026-11-23' })] }));
    expect(today.next?.text).toContain('aujourd’hui, dernier jour');
  });

  it('survives facts the engine refused (no deadlines)', () => {
    expect(buildTimeline(input({ deadlines: null })).entries).toEqual([]);
  });
});

describe('back-office and letter events read in French', () => {
  it('has a French sentence for every event the handling, mediation and letters write', () => {
    for (const type of [
      'dossier.acknowledged',
      'dossier.documents_requested',
      'dossier.decided',
      'dossier.reopened',
      'dossier.closed',
      'dossier.referred_to_mediator',
      'mediation.notified',
      'mediation.outcome_recorded',
      'letter.created',
      'letter.sent',
      'dossier.contract_saved',
    ]) {
      expect(EVENT_RULES[type]?.visibility, type).toBe('all');
    }
    // Internal handling stays with the staff (ACPR register, never shown to the member).
    for (const type of ['dossier.note_added', 'dossier.priority_changed', 'ethics.requested']) {
      expect(EVENT_RULES[type]?.visibility, type).toBe('staff');
    }
  });
});
