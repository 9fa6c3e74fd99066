import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierBus } from '../../src/server/live/bus.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { demoDossiers, loginAll, PDF_BYTES, upload, type Who } from './dossier-support.ts';

let t: TestApp;
let s: Record<Who, Session>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = demoDossiers(t);
  // A real HTTP server on the loopback: an event stream cannot be tested through inject.
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

/** Opens the stream as `who` and returns a reader of its text. */
async function open(who: Who, dossierId: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/dossiers/${dossierId}/events`, {
    headers: { cookie: s[who].cookie },
    signal: controller.signal,
  });
  let text = '';
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  /** Reads until `needle` appears or `ms` pass; returns everything read so far. */
  async function readUntil(needle: string, ms = 3_000): Promise<string> {
    const deadline = Date.now() + ms;
    while (!text.includes(needle) && Date.now() < deadline && reader) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text;
  }
  return { res, readUntil, close: () => controller.abort() };
}

const waitFor = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('live status (server-sent events)', () => {
  it('pushes a small JSON when a message is posted, after the commit', async () => {
    const stream = await open('member', ids.crown);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    expect(await stream.readUntil('flux du dossier')).toContain(': flux du dossier REC-');
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/messages`,
      headers: as(s.handler),
      payload: { body: 'Votre dossier avance.' },
    });
    expect(posted.statusCode).toBe(201);
    const text = await stream.readUntil('event: message.created');
    const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes('message.created'))!;
    expect(JSON.parse(line.slice(6))).toEqual({
      type: 'message.created',
      dossierId: ids.crown,
      id: posted.json().message.id,
      at: t.ctx.now().toISOString(),
    });
    // The event names the change; the message body never travels on the stream.
    expect(text).not.toContain('Votre dossier avance');
    stream.close();
    expect(await waitFor(() => dossierBus.listenerCount(ids.crown) === 0)).toBe(true);
  });

  it('tells the member about a new document, but never about an internal note', async () => {
    const member = await open('member', ids.crown);
    const handler = await open('handler', ids.crown);
    await member.readUntil('flux du dossier');
    await handler.readUntil('flux du dossier');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/messages`,
      headers: as(s.handler),
      payload: { body: 'À rappeler', internal: true },
    });
    await upload(t, s.handler, ids.crown, { kind: 'letter_received' }, { name: 'r.pdf', bytes: PDF_BYTES });
    const seenByMember = await member.readUntil('event: document.added');
    expect(seenByMember).toContain('event: document.added');
    expect(seenByMember).not.toContain('note.created');
    expect(await handler.readUntil('event: document.added')).toContain('event: note.created');
    member.close();
    handler.close();
    expect(await waitFor(() => dossierBus.listenerCount(ids.crown) === 0)).toBe(true);
  });

  it('is authorised like a read: 404 for a stranger, 401 signed out', async () => {
    const stranger = await fetch(`${base}/api/v1/dossiers/${ids.crown}/events`, {
      headers: { cookie: s.member2.cookie },
    });
    expect(stranger.status).toBe(404);
    expect((await stranger.json()).error.code).toBe('NOT_FOUND');
    const anonymous = await fetch(`${base}/api/v1/dossiers/${ids.crown}/events`);
    expect(anonymous.status).toBe(401);
  });
});
