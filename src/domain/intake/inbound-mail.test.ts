import { describe, expect, it } from 'vitest';
import {
  automatedReason,
  MAX_MESSAGES_PER_SENDER_PER_HOUR,
  memberNumberIn,
  type RoutingFacts,
  referencesIn,
  routeInboundMail,
} from './inbound-mail.ts';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] });

describe('referencesIn', () => {
  it.each([
    ['Re: [REC-2026-7K3M9Q] Votre réclamation', ['REC-2026-7K3M9Q']],
    ['re: rec-2026-7k3m9q', ['REC-2026-7K3M9Q']],
    ['REC-2026-7K3M9Q et REC-2025-ABCDEF, REC-2026-7K3M9Q', ['REC-2026-7K3M9Q', 'REC-2025-ABCDEF']],
    // I, L, O and U are not in the alphabet of references.
    ['REC-2026-OOOOOO', []],
    ['Réclamation lunettes', []],
  ])('%s', (subject, expected) => {
    expect(referencesIn(subject)).toEqual(expected);
  });
});

describe('memberNumberIn', () => {
  it.each([
    ["Mon n° d'adhérent : 12345678", '12345678'],
    ['numéro adhérent 1234-5678', '12345678'],
    ['adhérent n°AB123456, merci', 'AB123456'],
    ['je suis adhérent depuis 2019', undefined],
    ['Bonjour, ma facture de 240 €', undefined],
  ])('%s', (text, expected) => {
    expect(memberNumberIn(text)).toBe(expected);
  });
});

describe('automatedReason (RFC 3834 §2 and §5: never answer a machine)', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'x@exemple.fr', true],
    [{ 'auto-submitted': 'no' }, 'x@exemple.fr', false],
    [{ 'x-autoreply': 'yes' }, 'x@exemple.fr', true],
    [{ precedence: 'bulk' }, 'x@exemple.fr', true],
    [{ 'list-id': '<liste.exemple.fr>' }, 'x@exemple.fr', true],
    [{ 'return-path': '<>' }, 'x@exemple.fr', true],
    [{}, 'MAILER-DAEMON@exemple.fr', true],
    [{}, 'marie.durand@exemple.fr', false],
  ])('%o from %s', (h, from, automated) => {
    expect(automatedReason(headers(h), from) !== undefined).toBe(automated);
  });
});

const base: RoutingFacts = {
  automated: undefined,
  recentFromSender: 0,
  referencedFile: undefined,
  senderMemberId: undefined,
  senderOpenFiles: [],
  memberByNumber: undefined,
};

describe('routeInboundMail', () => {
  it.each([
    ['an auto-reply is dropped', { automated: 'réponse automatique' }, { kind: 'drop' }],
    [
      'a flood from one sender is stopped',
      { recentFromSender: MAX_MESSAGES_PER_SENDER_PER_HOUR, senderMemberId: 'm1' },
      { kind: 'drop' },
    ],
    [
      'the member answers with the reference in the subject',
      {
        referencedFile: { id: 'd1', memberEmailMatches: true },
        senderMemberId: 'm1',
        senderOpenFiles: ['d2'],
      },
      { kind: 'append', dossierId: 'd1', because: 'reference' },
    ],
    [
      'a stranger quoting a reference does not write into the file',
      { referencedFile: { id: 'd1', memberEmailMatches: false } },
      { kind: 'new_file_to_identify' },
    ],
    [
      'a known sender with one open file joins it',
      { senderMemberId: 'm1', senderOpenFiles: ['d2'] },
      { kind: 'append', dossierId: 'd2', because: 'open_file' },
    ],
    [
      'a known sender with two open files opens a new one (the handler may merge)',
      { senderMemberId: 'm1', senderOpenFiles: ['d2', 'd3'] },
      { kind: 'new_file', memberId: 'm1', identification: 'sender' },
    ],
    [
      'an unknown sender giving a member number',
      { memberByNumber: 'm9' },
      { kind: 'new_file', memberId: 'm9', identification: 'member_number' },
    ],
    ['an unknown sender without a member number', {}, { kind: 'new_file_to_identify' }],
  ] as const)('%s', (_why, facts, expected) => {
    expect(routeInboundMail({ ...base, ...facts })).toMatchObject(expected);
  });
});
