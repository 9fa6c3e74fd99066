/**
 * The organisation's choice of mediator is the one named everywhere a member reads it (issue 13; competent mediator
 * decided in one place, src/domain/deadlines/competent-mediator.ts): a mutuelle that adheres to La Médiation de
 * l'Assurance never sends its members to the FNMF's mediator, neither in its reasoned answer, nor in the letter
 * seizing the mediator, nor in the deadlines of the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDossier } from '../../src/db/builders.ts';
import { insertDossier } from '../../src/db/repositories/dossiers.ts';
import { findUserByEmail, insertUser } from '../../src/db/repositories/users.ts';
import { organisations } from '../../src/db/schema.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

const LMA = 'La Médiation de l’Assurance';
const FNMF = /Mutualit/;

let t: TestApp;
let member: Session;
let handler: Session;
let fileId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.database.db;
  // A mutuelle of its own, which adheres to LMA: nothing of the demo seed is read.
  const [mutuelle] = await db
    .insert(organisations)
    .values({
      name: 'Mutuelle Adhérente LMA',
      kind: 'mutuelle',
      slug: 'mutuelle-lma',
      mediatorName: LMA,
      mediatorContact: 'TSA 50110\n75441 Paris Cedex 09',
      postalAddress: 'Mutuelle Adhérente LMA\n1 rue du Test\n69001 Lyon',
    })
    .returning();
  const memberRow = (await findUserByEmail(db, 'adherent@demo.recours.fr'))!;
  // Its handler signs in with the demo password (the hash is copied: no second hashing cost).
  const demoHandler = (await findUserByEmail(db, 'conseiller@demo.recours.fr'))!;
  await insertUser(db, {
    email: 'conseiller@mutuelle-lma.fr',
    displayName: 'Camille Conseil',
    role: 'handler',
    organisationId: mutuelle!.id,
    passwordHash: demoHandler.passwordHash,
  });
  const file = await insertDossier(
    db,
    aDossier(memberRow.id, mutuelle!, {
      title: 'Implant refusé',
      description: 'Ma mutuelle refuse l’implant prévu au devis.',
      facts: { complaintSentOn: '2026-10-01' },
      createdAt: new Date('2026-10-01T09:00:00Z'),
      updatedAt: new Date('2026-10-01T09:00:00Z'),
    }),
  );
  fileId = file.id;
  member = await t.login('adherent@demo.recours.fr');
  handler = await t.login('conseiller@mutuelle-lma.fr');
});
afterAll(() => t.close());

describe('a mutuelle that adheres to LMA: its choice is honoured', () => {
  it('in the reasoned answer the member receives', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${fileId}/actions/decide`,
      headers: as(handler),
      payload: { outcome: 'rejected', reasons: 'Le devis dépasse le plafond du tableau de garanties.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().answerText).toContain(LMA);
    expect(res.json().answerText).not.toMatch(FNMF);
  });

  it('in the letter seizing the mediator', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${fileId}/letters/preview?type=saisine_mediateur`,
      headers: as(member),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json().letter)).toContain(LMA);
    expect(res.body).not.toMatch(FNMF);
  });

  it('in the deadlines and steps of the file', async () => {
    for (const part of ['timeline', 'escalation']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${fileId}/${part}`,
        headers: as(member),
      });
      expect(res.statusCode, `${part}: ${res.body}`).toBe(200);
      expect(res.body, part).not.toMatch(FNMF);
    }
  });
});
