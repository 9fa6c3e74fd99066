import { describe, expect, it } from 'vitest';
import { exportSummary, type SummaryInput } from './export-summary.ts';

// RGPD art. 12-1 and 15: the copy of the data is given « sous une forme concise, transparente, compréhensible ».
const input = (patch: Partial<SummaryInput['dossiers'][number]> = {}): SummaryInput => ({
  exportedAt: new Date('2026-11-23T23:30:00Z'),
  account: {
    displayName: 'Camille Martin',
    email: 'adherent@demo.recours.fr',
    postalAddress: '14 rue des Lilas\n69007 Lyon',
    createdAt: new Date('2026-01-05T10:00:00Z'),
  },
  dossiers: [
    {
      reference: 'REC-2026-7KQ4M2',
      title: 'Couronne dentaire',
      organisationName: 'Mutuelle Démo',
      status: 'answered',
      categoryLabel: 'Remboursement contesté',
      amountCents: 123456,
      memberNumber: 'MD-1',
      createdAt: new Date('2026-09-15T08:00:00Z'),
      closedAt: null,
      erasedAt: null,
      facts: { complaintSentOn: '2026-09-15', answerOutcome: 'rejected', claimEventOn: '2026-09-02' },
      contacts: [{ occurredAt: new Date('2026-09-10T09:00:00Z'), channel: 'phone', summary: 'Appel' }],
      documents: [{ title: 'Facture', kindLabel: 'Facture', path: 'documents/REC/ab-facture.pdf' }],
      letters: [
        {
          type: 'relance',
          subject: 'Relance',
          createdAt: new Date('2026-11-20T10:00:00Z'),
          sentOn: '2026-11-21',
        },
      ],
      messages: [{ createdAt: new Date('2026-10-01T10:00:00Z'), body: 'x'.repeat(1000) }],
      timeline: [
        {
          kind: 'event',
          at: '2026-09-15T08:00:00Z',
          text: 'Vous avez ouvert le dossier.',
          detail: null,
          ref: '1',
          upcoming: false,
        },
        {
          kind: 'deadline',
          at: '2026-11-15',
          text: 'Réponse de l’organisme',
          detail: null,
          ref: 'd',
          upcoming: true,
        },
      ],
      ...patch,
    },
  ],
});

const texts = (s: ReturnType<typeof exportSummary>) =>
  s.sections
    .flatMap((x) => [
      x.heading,
      ...x.fields.map((f) => `${f.label} ${f.value}`),
      ...x.lists.flatMap((l) => [l.heading, ...l.items]),
    ])
    .join('\n');

describe('the export summary a person reads', () => {
  it.each([
    ['the date of the copy is the Paris day (23:30 UTC is already the 24th)', 'au 24/11/2026'],
    ['amounts the French way', '1\u00a0234,56\u00a0€'],
    ['the status in words', 'État Réponse rendue'],
    ['dated facts in order with their label', '02/09/2026'],
    ['contacts with their channel', '10/09/2026 — Téléphone : Appel'],
    ['letters with their name and sending date', 'Relance : Relance (envoyé le 21/11/2026)'],
    ['deadlines apart from the history', '15/11/2026 : Réponse de l’organisme (à venir)'],
    ['the history', '15/09/2026 : Vous avez ouvert le dossier.'],
    ['where each piece is in the archive', 'fichier documents/REC/ab-facture.pdf'],
  ])('%s', (_why, expected) => {
    const s = exportSummary(input());
    expect(`${s.intro}\n${texts(s)}`).toContain(expected);
  });

  it('never shows codes or ISO dates, and shortens long messages (donnees.json keeps them whole)', () => {
    const all = texts(exportSummary(input()));
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}|complaintSentOn|answered|rejected|undefined|null/);
    expect(all).toContain(`${'x'.repeat(399)}…`);
  });

  it('says so when a list is empty', () => {
    const s = exportSummary(input({ contacts: [], letters: [] }));
    const lists = s.sections[1]!.lists;
    expect(lists.find((l) => l.heading === 'Contacts avec l’organisme')).toMatchObject({
      items: [],
      empty: 'Aucun contact noté.',
    });
  });
});
