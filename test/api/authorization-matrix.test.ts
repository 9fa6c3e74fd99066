import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { demoDossiers } from './dossier-support.ts';

/**
 * Every role against every route of a file: who is refused, and how. RGPD art. 9 (health data) and art. 25
 * (least privilege). The routes come from the running app, so a new route is in the matrix the day it is added;
 * request bodies are generated from each route's own OpenAPI schema, so a refusal is an authorisation refusal,
 * never a validation error.
 */

const ACCOUNTS = {
  owner: 'adherent@demo.recours.fr',
  otherMember: 'adherent2@demo.recours.fr',
  handler: 'conseiller@demo.recours.fr',
  supervisor: 'superviseur@demo.recours.fr',
  auditor: 'auditeur@demo.recours.fr',
  admin: 'admin@demo.recours.fr',
  mediator: 'mediateur@demo.recours.fr',
  otherOrgHandler: 'conseiller@assurances-exemple.fr',
  medicalAdviser: 'medecin-conseil@demo.recours.fr',
} as const;
type Who = keyof typeof ACCOUNTS | 'anonymous';

/** Roles inside the file's scope, and what each route allows them (the others must get 403 or 404). */
const IN_SCOPE = ['owner', 'handler', 'supervisor', 'auditor', 'admin', 'medicalAdviser'] as const;
const READERS = IN_SCOPE;
const MEMBER_AND_HANDLERS = ['owner', 'handler', 'supervisor'] as const;
const HANDLERS = ['handler', 'supervisor'] as const;
const ORGANISATION_STAFF = ['handler', 'supervisor', 'auditor', 'admin', 'medicalAdviser'] as const;
const ALLOWED: Record<string, readonly string[]> = {
  'PATCH /api/v1/dossiers/:id/facts': MEMBER_AND_HANDLERS,
  'POST /api/v1/dossiers/:id/contacts': MEMBER_AND_HANDLERS,
  'POST /api/v1/dossiers/:id/messages': MEMBER_AND_HANDLERS,
  'POST /api/v1/dossiers/:id/actions/acknowledge': HANDLERS,
  'POST /api/v1/dossiers/:id/actions/request-document': HANDLERS,
  'POST /api/v1/dossiers/:id/actions/note': HANDLERS,
  'POST /api/v1/dossiers/:id/actions/decide': HANDLERS,
  'POST /api/v1/dossiers/:id/actions/close': HANDLERS,
  'POST /api/v1/dossiers/:id/actions/reopen': ['supervisor'],
  'POST /api/v1/dossiers/:id/ethics-review': ['supervisor'],
  'POST /api/v1/dossiers/:id/refer-to-mediator': ['owner'],
  'POST /api/v1/dossiers/:id/satisfaction': ['owner'],
  // Only the member sends his draft to the organisation (issue 16); here the file was sent already (409).
  'POST /api/v1/dossiers/:id/transmit': ['owner'],
  // Checking a reimbursement against the file's stored table of guarantees changes nothing: a reading.
  'POST /api/v1/dossiers/:id/reimbursements/simulate': READERS,
  // A letter of the member's side (the generated body asks for the first type, a réclamation).
  'POST /api/v1/dossiers/:id/letters': ['owner'],
  'GET /api/v1/dossiers/:id/letters/preview': ['owner'],
  // Only the mediator the file is referred to records the mediation's steps.
  'POST /api/v1/dossiers/:id/mediation-notified': [],
  'POST /api/v1/dossiers/:id/mediation-outcome': [],
  // Medical secrecy (issue 18): handlers ask the medical adviser; what each role reads of a medical piece is
  // tested piece by piece in medical-secrecy.test.ts.
  'POST /api/v1/dossiers/:id/medical-opinions': HANDLERS,
  // Intake (issue 17): how the complaint came in is the organisation's record; merging and identifying is handling.
  'GET /api/v1/dossiers/:id/intake': ORGANISATION_STAFF,
  'GET /api/v1/dossiers/:id/duplicates': ORGANISATION_STAFF,
  'POST /api/v1/dossiers/:id/merge': HANDLERS,
  'POST /api/v1/dossiers/:id/identify': HANDLERS,
};
/** Streams stay open for an allowed reader: their refusals are checked, their success is tested elsewhere. */
const STREAMS = new Set(['GET /api/v1/dossiers/:id/events']);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** A small valid value for a JSON Schema: required properties only, first enum value, plausible strings. */
function sample(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return sample(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], name);
  if (schema.allOf) return sample(Object.assign({}, ...schema.allOf), name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => sample(schema.items, name));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return name === 'confirm';
    default: {
      if (schema.format === 'date' || schema.pattern?.includes('\\d{4}')) return '2026-11-20';
      if (schema.format === 'date-time') return '2026-11-20T10:00:00.000Z';
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return 'personne@exemple.fr';
      const text = 'Texte de test suffisamment long pour être valide, rédigé pour la matrice des droits.';
      return text.slice(0, Math.max(schema.minLength ?? 0, 40));
    }
  }
}

let t: TestApp;
const sessions: Partial<Record<Who, Session>> = {};
let dossierId = '';
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
}
let openapi: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries(ACCOUNTS)) sessions[who as Who] = await t.login(email);
  dossierId = demoDossiers(t).crown;
  openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
}, 120_000);
afterAll(() => t.close());

function fileRoutes() {
  const seen = new Set<string>();
  for (const r of t.app.routeTable) {
    if (r.method === 'HEAD' || !r.url.startsWith('/api/v1/dossiers/:id')) continue;
    seen.add(`${r.method} ${r.url}`);
  }
  return [...seen].sort();
}

async function call(route: string, who: Who, id = dossierId) {
  const [method, url] = route.split(' ') as [string, string];
  const path = url.replace(':id', id).replace(/:(\w+)/g, () => randomUUID());
  const openapiPath = url.replace(/:(\w+)/g, '{$1}');
  const operation = openapi.paths[openapiPath]?.[method.toLowerCase()];
  const content = operation?.requestBody?.content ?? {};
  const query = new URLSearchParams();
  for (const p of operation?.parameters ?? []) {
    if (p.in === 'query' && p.required) query.set(p.name, String(sample(p.schema, p.name)));
  }
  const json = content['application/json']?.schema;
  const headers: Record<string, string> = who === 'anonymous' ? {} : as(sessions[who]!);
  let payload = json ? (sample(json) as Record<string, unknown>) : undefined;
  // A PATCH with nothing to change is refused as invalid: change the first field it offers.
  if (payload && Object.keys(payload).length === 0 && json?.properties) {
    const [first] = Object.keys(json.properties);
    if (first) payload = { [first]: sample(json.properties[first], first) };
  }
  if (content['multipart/form-data'] && !json) {
    // A real upload: authorisation must be decided whatever the file (a one-page PDF here).
    const boundary = 'matrice';
    const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ninvoice\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nFacture\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`;
    return t.app.inject({
      method: method as 'POST',
      url: path,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  }
  const withQuery = query.size > 0 ? `${path}?${query}` : path;
  return t.app.inject({ method: method as 'GET', url: withQuery, headers, ...(payload ? { payload } : {}) });
}

describe('authorisation matrix: every role × every route of a file', () => {
  it('covers every route of a file', () => {
    expect(fileRoutes().length).toBeGreaterThan(25);
  });

  it('refuses anyone signed out (401)', async () => {
    for (const route of fileRoutes()) {
      const res = await call(route, 'anonymous');
      expect([route, res.statusCode]).toEqual([route, 401]);
    }
  });

  it('answers 404 to a member, a handler of another organisation and a mediator outside the file', async () => {
    for (const who of ['otherMember', 'otherOrgHandler', 'mediator'] as const) {
      for (const route of fileRoutes()) {
        const res = await call(route, who);
        expect([who, route, res.statusCode]).toEqual([who, route, 404]);
      }
    }
  });

  it('lets each role inside the file do what its role allows, and refuses the rest (403/404)', async () => {
    const routes = fileRoutes().filter(
      (r) => !STREAMS.has(r) && !/:(docId|letterId|messageId|contactId|opinionId)/.test(r),
    );
    // Reads first, then writes, so that a closing action does not hide a later refusal.
    const ordered = [
      ...routes.filter((r) => r.startsWith('GET')),
      ...routes.filter((r) => !r.startsWith('GET')),
    ];
    for (const route of ordered) {
      const allowed = ALLOWED[route] ?? (route.startsWith('GET') ? READERS : MEMBER_AND_HANDLERS);
      for (const who of IN_SCOPE) {
        const res = await call(route, who);
        // A 500 is a failure whoever asks: neither a refusal nor a permission.
        const outcome =
          res.statusCode >= 500
            ? 'server error'
            : [401, 403, 404].includes(res.statusCode)
              ? 'refused'
              : 'allowed';
        const expected = allowed.includes(who) ? 'allowed' : 'refused';
        expect([who, route, outcome, res.statusCode]).toEqual([who, route, expected, res.statusCode]);
      }
    }
  }, 120_000);
});

describe('authorisation matrix: a piece marked medical (C. santé publ. L1110-4; issue 18)', () => {
  // Content: the member, the medical adviser and the mediator once the file is referred to him; the other staff know
  // it exists (403 on its content); outside the file: 404. Piece by piece: medical-secrecy.test.ts.
  const EXPECTED: Record<Who, number> = {
    owner: 200,
    medicalAdviser: 200,
    handler: 403,
    supervisor: 403,
    auditor: 403,
    admin: 403,
    otherMember: 404,
    otherOrgHandler: 404,
    mediator: 404,
    anonymous: 401,
  };

  it('opens the content of a medical piece to each role as the rule says', async () => {
    const boundary = 'medical';
    const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dossierId}/documents`,
      headers: { ...as(sessions.owner!), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload:
        field('kind', 'other') +
        field('title', 'Compte rendu opératoire') +
        field('medical', 'true') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cr.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const docId = uploaded.json().document.id;
    // The matrix above refers the file to the mediator (the owner's referral route): from then on he reads it.
    const { findDossier } = await import('../../src/db/repositories/dossiers.ts');
    const referred = (await findDossier(t.database.db, dossierId))?.mediatorId === sessions.mediator!.userId;
    const expected: Record<Who, number> = { ...EXPECTED, mediator: referred ? 200 : 404 };
    for (const [who, status] of Object.entries(expected) as [Who, number][]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${dossierId}/documents/${docId}/content`,
        headers: who === 'anonymous' ? {} : as(sessions[who]!),
      });
      expect([who, res.statusCode]).toEqual([who, status]);
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${dossierId}/documents`,
        headers: who === 'anonymous' ? {} : as(sessions[who]!),
      });
      if (status === 200 || status === 403) {
        const doc = list.json().documents.find((d: { id: string }) => d.id === docId);
        expect([who, doc.withheld, doc.title]).toEqual([
          who,
          status === 403,
          status === 403 ? 'Pièce médicale' : 'Compte rendu opératoire',
        ]);
      } else expect([who, list.statusCode]).toEqual([who, status]);
    }
  });
});

describe('authorisation matrix: the organisation’s trends (issue 15)', () => {
  // Read by those who steer and those who check; imports by those who steer. Outside every organisation the
  // pages do not exist (404, before any role check); staff without the role get 403.
  const READ = ['supervisor', 'admin', 'auditor'];
  const WRITE = ['supervisor', 'admin'];
  const OUTSIDERS: Who[] = ['owner', 'otherMember', 'mediator'];
  const STAFF_REFUSED: Who[] = ['handler', 'medicalAdviser'];

  function trendRoutes() {
    const seen = new Set<string>();
    for (const r of t.app.routeTable) {
      if (r.method === 'HEAD' || !r.url.startsWith('/api/v1/patterns')) continue;
      seen.add(`${r.method} ${r.url}`);
    }
    return [...seen].sort();
  }

  it('covers every route of the trends page', () => {
    expect(trendRoutes()).toEqual([
      'DELETE /api/v1/patterns/clauses/:id',
      'GET /api/v1/patterns',
      'GET /api/v1/patterns/clauses',
      'GET /api/v1/patterns/memberships',
      'GET /api/v1/patterns/rule-changes',
      'GET /api/v1/patterns/themes/latest',
      'PATCH /api/v1/patterns/clauses/:id',
      'POST /api/v1/patterns/clauses',
      'PUT /api/v1/patterns/memberships',
    ]);
  });

  it('answers each role as the rule says', async () => {
    for (const route of trendRoutes()) {
      const allowed = route.startsWith('GET') ? READ : WRITE;
      // A clause named by its id: past the role check, an id the organisation does not hold is a French 422.
      const granted = route.includes(':id') ? 422 : 'allowed';
      for (const who of ['anonymous', ...OUTSIDERS, ...STAFF_REFUSED, ...READ] as Who[]) {
        const res = await call(route, who);
        const expected =
          who === 'anonymous' ? 401 : OUTSIDERS.includes(who) ? 404 : allowed.includes(who) ? granted : 403;
        const outcome = res.statusCode < 300 ? 'allowed' : res.statusCode;
        expect([who, route, outcome]).toEqual([who, route, expected]);
      }
    }
  });
});

describe('authorisation matrix: the organisation’s steering and administration routes (issue 14)', () => {
  // Routes without a file: the organisation is the signed-in person's own, so the role decides. The import's body
  // is a file (text/csv), checked in analytics.test.ts; its role check is the same as the administration's.
  const STEERING = ['supervisor', 'admin', 'auditor'];
  const ORG_ALLOWED: Record<string, readonly string[]> = {
    'GET /api/v1/kpi': STEERING,
    'GET /api/v1/kpi/benchmark': STEERING,
    'GET /api/v1/kpi/definitions': [
      'owner',
      ...ORGANISATION_STAFF,
      'mediator',
      'otherOrgHandler',
      'anonymous',
    ],
    'GET /api/v1/reports/acpr': STEERING,
    'GET /api/v1/reports/audit-pack': ['auditor', 'admin'],
    'GET /api/v1/exports/register': STEERING,
    'GET /api/v1/admin/staff': ['admin'],
    'POST /api/v1/admin/staff': ['admin'],
    'POST /api/v1/admin/staff/:id/invitation': ['admin'],
    'PATCH /api/v1/admin/staff/:id': ['admin'],
    'GET /api/v1/admin/organisation': ['admin'],
    'PATCH /api/v1/admin/organisation': ['admin'],
  };
  const EVERYONE: Who[] = [
    'anonymous',
    'owner',
    'handler',
    'supervisor',
    'auditor',
    'admin',
    'mediator',
    'otherOrgHandler',
    'medicalAdviser',
  ];
  let staffId = '';

  function orgRoutes() {
    const seen = new Set<string>();
    for (const r of t.app.routeTable) {
      if (r.method === 'HEAD' || !/^\/api\/v1\/(admin|kpi|reports|exports)(\/|$)/.test(r.url)) continue;
      seen.add(`${r.method} ${r.url}`);
    }
    return [...seen].sort();
  }

  async function callOrg(route: string, who: Who) {
    // A staff route names a colleague of the demo organisation (a handler: the sample change keeps his role).
    return call(route, who, staffId);
  }

  beforeAll(async () => {
    staffId = sessions.handler!.userId;
  });

  it('has an expectation for every such route', () => {
    expect(orgRoutes().filter((r) => !ORG_ALLOWED[r])).toEqual([]);
  });

  it('lets each role do what the route allows, refuses the rest, never fails with a 500', async () => {
    const ordered = [
      ...orgRoutes().filter((r) => r.startsWith('GET')),
      ...orgRoutes().filter((r) => !r.startsWith('GET')),
    ];
    for (const route of ordered) {
      for (const who of EVERYONE) {
        const res = await callOrg(route, who);
        const outcome =
          res.statusCode >= 500
            ? 'server error'
            : [401, 403, 404].includes(res.statusCode)
              ? 'refused'
              : 'allowed';
        const expected = ORG_ALLOWED[route]!.includes(who) ? 'allowed' : 'refused';
        expect([who, route, outcome, res.statusCode]).toEqual([who, route, expected, res.statusCode]);
        if (who === 'anonymous' && expected === 'refused')
          expect([route, res.statusCode]).toEqual([route, 401]);
      }
    }
  }, 120_000);

  it('answers 404 to the admin of another organisation who names a colleague of this one', async () => {
    const { insertUser } = await import('../../src/db/repositories/users.ts');
    const { hashPassword } = await import('../../src/server/auth/passwords.ts');
    const otherOrgId = (
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(sessions.otherOrgHandler!) })
    ).json().user.organisation.id;
    await insertUser(t.database.db, {
      email: 'admin@assurances-exemple.fr',
      displayName: 'Admin Exemple',
      passwordHash: await hashPassword('Recours-Demo-2026'),
      role: 'admin',
      organisationId: otherOrgId,
    });
    const outsider = await t.login('admin@assurances-exemple.fr');
    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/admin/staff/${staffId}`, { role: 'supervisor' }],
      ['POST', `/api/v1/admin/staff/${staffId}/invitation`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: as(outsider), ...(payload ? { payload } : {}) });
      expect([url, res.statusCode]).toEqual([url, 404]);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/staff', headers: as(outsider) });
    expect(list.json().staff.map((m: { email: string }) => m.email)).not.toContain(
      'conseiller@demo.recours.fr',
    );
  });
});
