import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDossier } from '../../src/db/builders.ts';
import { insertDossier } from '../../src/db/repositories/dossiers.ts';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const s: Record<string, Session> = {};

type Entry = {
  id: string;
  reference: string;
  title: string;
  category: string;
  channel: string;
  status: string;
  memberName: string;
  assignedHandler: { id: string; name: string } | null;
  complaintSentOn: string | null;
  sla: {
    colour: string;
    acknowledgment: { colour: string; dueDate: string | null; actionable: boolean };
    answer: { colour: string; dueDate: string | null; actionable: boolean };
  };
};

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries({
    handler: 'conseiller@demo.recours.fr',
    handler2: 'conseiller2@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    auditor: 'auditeur@demo.recours.fr',
    admin: 'admin@demo.recours.fr',
    member: 'adherent@demo.recours.fr',
    mediator: 'mediateur@demo.recours.fr',
    otherHandler: 'conseiller@assurances-exemple.fr',
  })) {
    s[who] = await t.login(email);
  }
});
afterAll(() => t.close());

async function register(who: string, query = '') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/register${query}`, headers: as(s[who]!) });
  return res;
}
async function items(who: string, query = '') {
  const res = await register(who, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: Entry[]; today: string };
}

describe('GET /api/v1/register: who may read it', () => {
  // 43 files of Mutuelle Démo, of which 3 drafts the members have not transmitted: private to them (issue 16).
  it('every staff role of the organisation reads its whole register (40 transmitted files of Mutuelle Démo)', async () => {
    for (const who of ['handler', 'supervisor', 'auditor', 'admin']) {
      const page = await items(who, '?limit=200');
      expect([who, page.total]).toEqual([who, 40]);
      expect(page.items.some((e) => e.status === 'draft')).toBe(false);
    }
  });

  it('another organisation’s handler sees only his own organisation’s file', async () => {
    const page = await items('otherHandler');
    expect(page.total).toBe(1);
    expect(page.items[0]!.title).toContain('Résiliation');
  });

  it.each(['member', 'mediator'])('a %s is refused (403, in French)', async (who) => {
    const res = await register(who);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('réservé au personnel');
  });

  it('nobody signed out', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/register' });
    expect(res.statusCode).toBe(401);
  });
});

describe('register columns and SLA clocks', () => {
  it('shows category, channel, dates, handler, member and the clocks of the deadline engine', async () => {
    const page = await items('supervisor', '?q=couronne');
    const dental = page.items[0]!;
    expect(dental).toMatchObject({
      title: 'Couronne dentaire remboursée 9 € au lieu de 120 €',
      category: 'reimbursement_contested',
      channel: 'web',
      memberName: 'Camille Martin',
      complaintSentOn: '2026-09-15',
      assignedHandler: null,
    });
    // Sent 15/09/2026, never acknowledged nor answered by 23/11/2026: both ACPR clocks are missed.
    expect(dental.sla.colour).toBe('red');
    expect(dental.sla.acknowledgment).toMatchObject({
      colour: 'red',
      dueDate: '2026-09-26',
      actionable: true,
    });
    expect(dental.sla.answer).toMatchObject({ colour: 'red', dueDate: '2026-11-15' });
  });

  it('the demo register has files in every colour and every state but the private draft', async () => {
    const page = await items('supervisor', '?limit=200');
    const colours = new Set(page.items.map((e) => e.sla.colour));
    expect([...colours].sort()).toEqual(['amber', 'green', 'red']);
    const statuses = new Set(page.items.map((e) => e.status));
    for (const status of [
      'submitted',
      'acknowledged',
      'awaiting_member',
      'answered',
      'mediation',
      'closed',
    ]) {
      expect(statuses.has(status)).toBe(true);
    }
    const handlers = new Set(page.items.map((e) => e.assignedHandler?.name ?? 'none'));
    expect(handlers).toEqual(new Set(['Sophie Leroy', 'Karim Benali', 'none']));
  });
});

describe('filters', () => {
  it('by status, category, channel', async () => {
    const acknowledged = await items('handler', '?status=acknowledged&limit=200');
    expect(acknowledged.total).toBeGreaterThan(0);
    expect(acknowledged.items.every((e) => e.status === 'acknowledged')).toBe(true);
    const two = await items('handler', '?status=answered&status=closed&limit=200');
    expect(new Set(two.items.map((e) => e.status))).toEqual(new Set(['answered', 'closed']));
    // Drafts are the members' own until transmitted (issue 16).
    expect((await items('handler', '?status=draft&limit=200')).total).toBe(0);
    const contributions = await items('handler', '?category=contributions&limit=200');
    expect(contributions.items.every((e) => e.category === 'contributions')).toBe(true);
    expect(contributions.total).toBeGreaterThan(1);
    const letters = await items('handler', '?channel=letter&limit=200');
    expect(letters.items.every((e) => e.channel === 'letter')).toBe(true);
  });

  it('by handler, unassigned, and “assigned to me”', async () => {
    const mine = await items('handler2', '?mine=true&limit=200');
    expect(mine.total).toBeGreaterThan(5);
    expect(mine.items.every((e) => e.assignedHandler?.name === 'Karim Benali')).toBe(true);
    const byId = await items('supervisor', `?handlerId=${s.handler2!.userId}&limit=200`);
    expect(byId.total).toBe(mine.total);
    const none = await items('supervisor', '?handlerId=none&limit=200');
    expect(none.items.every((e) => e.assignedHandler === null)).toBe(true);
    expect(none.total + mine.total).toBeLessThan(40);
  });

  it('by SLA colour', async () => {
    for (const colour of ['red', 'amber', 'green']) {
      const page = await items('supervisor', `?sla=${colour}&limit=200`);
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((e) => e.sla.colour === colour)).toBe(true);
    }
  });

  it('by complaint date range (inclusive)', async () => {
    const page = await items('supervisor', '?from=2026-09-15&to=2026-09-15&limit=200');
    expect(page.items.map((e) => e.complaintSentOn)).toContain('2026-09-15');
    expect(page.items.every((e) => e.complaintSentOn === '2026-09-15')).toBe(true);
  });

  it('French full-text search: “couronne” finds the dental file, stems match (“résiliations”)', async () => {
    const crown = await items('handler', '?q=couronne');
    expect(crown.items.map((e) => e.title)).toContain('Couronne dentaire remboursée 9 € au lieu de 120 €');
    const plural = await items('handler', '?q=r%C3%A9siliations&limit=200');
    expect(plural.total).toBeGreaterThan(0);
    expect(
      plural.items.every(
        (e) => /siliation/i.test(e.title) || e.category === 'termination' || e.category === 'contributions',
      ),
    ).toBe(true);
    const none = await items('handler', '?q=zzzyx');
    expect(none.total).toBe(0);
  });

  it('refuses an unknown status, naming the field', async () => {
    const res = await register('handler', '?status=perdu');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toMatch(/^query\.status/);
  });
});

describe('order and pages', () => {
  it('urgency: red files first (most overdue first), then by the nearest due date', async () => {
    const page = await items('supervisor', '?limit=200');
    const rank = (e: Entry) => {
      const clocks = [e.sla.acknowledgment, e.sla.answer].filter((c) => c.actionable && c.dueDate);
      const due = clocks.map((c) => c.dueDate!).sort()[0] ?? null;
      const group = clocks.some((c) => c.colour === 'red') ? 0 : clocks.length ? 1 : 2;
      return { group, due };
    };
    const ranks = page.items.map(rank);
    expect(ranks[0]!.group).toBe(0);
    for (let i = 1; i < ranks.length; i++) {
      const [a, b] = [ranks[i - 1]!, ranks[i]!];
      expect(a.group <= b.group).toBe(true);
      if (a.group === b.group && a.group < 2) expect(a.due! <= b.due!).toBe(true);
    }
  });

  it('by date: the most recent complaint first', async () => {
    const page = await items('supervisor', '?sort=date&status=submitted&limit=200');
    const dates = page.items.map((e) => e.complaintSentOn!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages with limit/offset and the total count', async () => {
    const all = await items('supervisor', '?limit=200');
    const first = await items('supervisor', '?limit=10&offset=0');
    const second = await items('supervisor', '?limit=10&offset=10');
    expect(first.total).toBe(40);
    expect(first.items.map((e) => e.id)).toEqual(all.items.slice(0, 10).map((e) => e.id));
    expect(second.items.map((e) => e.id)).toEqual(all.items.slice(10, 20).map((e) => e.id));
  });

  it('amber alone (a bounded set, sorted apart): the same files in the same order as the whole list, page by page', async () => {
    for (const sort of ['urgency', 'date']) {
      const all = await items('supervisor', `?sort=${sort}&limit=200`);
      const expected = all.items.filter((e) => e.sla.colour === 'amber').map((e) => e.id);
      expect(expected.length).toBeGreaterThan(1);
      const amber = await items('supervisor', `?sort=${sort}&sla=amber&limit=200`);
      expect(amber.items.map((e) => e.id)).toEqual(expected);
      expect(amber.total).toBe(expected.length);
      const byOffset: string[] = [];
      for (let offset = 0; offset < expected.length; offset++) {
        byOffset.push(
          ...(await items('supervisor', `?sort=${sort}&sla=amber&limit=1&offset=${offset}`)).items.map(
            (e) => e.id,
          ),
        );
      }
      expect(byOffset).toEqual(expected);
      const byCursor: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await register(
          'supervisor',
          `?sort=${sort}&sla=amber&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json() as { items: Entry[]; nextCursor: string | null };
        byCursor.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor && byCursor.length <= expected.length);
      expect(byCursor).toEqual(expected);
    }
  });

  it('lists the handlers with their open files', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/register/handlers',
      headers: as(s.supervisor!),
    });
    expect(res.statusCode).toBe(200);
    const names = res.json().handlers.map((h: { displayName: string }) => h.displayName);
    expect(names).toEqual(['Karim Benali', 'Marc Dubois', 'Sophie Leroy']);
  });
});

describe('performance', () => {
  it('stays fast with 400 open files for one handler', async () => {
    const { db } = t.ctx.database;
    const handler = (await findUserByEmail(db, 'conseiller2@demo.recours.fr'))!;
    const member = (await findUserByEmail(db, 'adherent2@demo.recours.fr'))!;
    const organisation = { id: handler.organisationId!, name: 'Mutuelle Démo', kind: 'mutuelle' as const };
    const values = Array.from({ length: 400 }, (_, i) =>
      aDossier(member.id, organisation, {
        reference: `REC-2026-PERF${String(i).padStart(3, '0')}`,
        title: `Remboursement contesté n° ${i}`,
        status: i % 2 ? 'submitted' : 'acknowledged',
        assignedHandlerId: handler.id,
        facts: {
          complaintSentOn: `2026-${String(9 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        },
      }),
    );
    for (const v of values) await insertDossier(db, v);
    const started = performance.now();
    const page = await items('handler2', '?mine=true&limit=50');
    const elapsed = performance.now() - started;
    expect(page.total).toBeGreaterThanOrEqual(400);
    expect(page.items[0]!.sla.colour).toBe('red');
    expect(elapsed).toBeLessThan(2000);
  });
});
