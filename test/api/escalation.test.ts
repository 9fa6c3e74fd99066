import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../support/test-app.ts';
import { demoDossiers } from './dossier-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/dossiers/:id/escalation', () => {
  it('shows the member the ladder of his file, with the mediator step explained', async () => {
    const member = await t.login('adherent@demo.recours.fr');
    const crown = { id: demoDossiers(t).crown };
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${crown.id}/escalation`,
      headers: as(member),
    });
    expect(res.statusCode).toBe(200);
    const steps = res.json().steps as { id: string; status: string; why: string }[];
    expect(steps.map((s) => s.id)).toEqual([
      'customer_service',
      'written_complaint',
      'formal_notice',
      'mediator',
      'association_or_defenseur',
      'court',
    ]);
    expect(steps.find((s) => s.id === 'written_complaint')?.status).toBe('done');
    // Complaint sent 15/09/2026, no answer: on 23/11/2026 the 2 months have passed (L612-2, FNMF rules).
    expect(steps.find((s) => s.id === 'mediator')?.status).toBe('open');
  });

  it('answers 404 to another member', async () => {
    const member = await t.login('adherent@demo.recours.fr');
    const other = await t.login('adherent2@demo.recours.fr');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: as(member) });
    const id = list.json().dossiers[0].id;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${id}/escalation`,
      headers: as(other),
    });
    expect(res.statusCode).toBe(404);
  });
});
