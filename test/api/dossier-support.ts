import { expect } from 'vitest';
import { as, type Session, type TestApp } from '../support/test-app.ts';

/** Demo accounts (src/server/seed/demo.ts) used by the dossier tests. */
export const ACCOUNTS = {
  member: 'adherent@demo.recours.fr',
  member2: 'adherent2@demo.recours.fr',
  handler: 'conseiller@demo.recours.fr',
  supervisor: 'superviseur@demo.recours.fr',
  mediator: 'mediateur@demo.recours.fr',
  auditor: 'auditeur@demo.recours.fr',
  admin: 'admin@demo.recours.fr',
  otherHandler: 'conseiller@assurances-exemple.fr',
} as const;
export type Who = keyof typeof ACCOUNTS;

export async function loginAll(t: TestApp): Promise<Record<Who, Session>> {
  const sessions = {} as Record<Who, Session>;
  for (const [who, email] of Object.entries(ACCOUNTS)) sessions[who as Who] = await t.login(email);
  return sessions;
}

/**
 * The demo files by key, as the seed created them (src/server/seed/demo.ts, DEMO_FILE_KEYS):
 * crown — member, Mutuelle Démo (on Recours): handler, supervisor, auditor, admin see it;
 * termination — member, Assurances Exemple (on Recours): otherHandler sees it;
 * cpam — member, CPAM du Rhône, not on Recours;
 * glasses — member2, Mutuelle Démo, referred to the demo mediator;
 * doubleDebit — member2, Mutuelle Démo.
 */
export function demoDossiers(t: TestApp) {
  if (!t.demoFiles) throw new Error('this test app was created without the demo data');
  return t.demoFiles;
}

/** The smallest well-formed PDF header file-type recognises. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A Windows executable header: "MZ" then the PE offset, padded. */
export const EXE_BYTES = (() => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();

export interface FilePart {
  name: string;
  bytes: Uint8Array;
  type?: string;
  field?: string;
}

/** A multipart/form-data body as a browser would send it (built by the platform's FormData). */
export async function multipartBody(fields: Record<string, string>, ...files: FilePart[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) {
    form.append(
      f.field ?? 'file',
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}

export async function upload(
  t: TestApp,
  session: Session,
  dossierId: string,
  fields: Record<string, string>,
  ...files: FilePart[]
) {
  const body = await multipartBody(fields, ...files);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierId}/documents`,
    headers: { ...as(session), 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** The audit events of a file, oldest first, straight from the database. */
export async function auditTypes(t: TestApp, dossierId: string) {
  const { auditEventsOf } = await import('../../src/db/repositories/audit.ts');
  return auditEventsOf(t.database.db, dossierId);
}

export function expectFrenchError(
  res: { statusCode: number; json(): { error: { code: string; message: string; field?: string } } },
  status: number,
  field?: string,
) {
  expect(res.statusCode).toBe(status);
  const { error } = res.json();
  expect(error.message.length).toBeGreaterThan(10);
  if (field) expect(error.field).toBe(field);
  return error;
}
