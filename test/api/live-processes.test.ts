import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.ts';

/**
 * Issue 12: two server processes on one PostgreSQL; a message posted through one reaches a live client (SSE) of
 * the other, through LISTEN/NOTIFY. PostgreSQL only (TEST_DATABASE_URL, as in CI): PGlite is one process.
 */
const url = process.env.TEST_DATABASE_URL;
const name = `recours_live_${randomBytes(5).toString('hex')}`;
const servers: ChildProcess[] = [];

function databaseUrl(): string {
  const target = new URL(url!);
  target.pathname = `/${name}`;
  return target.href;
}

/** Starts `src/server/main.ts` on a free port; resolves with its base URL once it says it is ready. */
function startServer(seed: boolean): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: String(seed),
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Recours est prêt : http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function login(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

beforeAll(async () => {
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
}, 30_000);

afterAll(async () => {
  for (const server of servers) server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe.skipIf(!url)('live updates across server processes (PostgreSQL LISTEN/NOTIFY)', () => {
  it('a message posted through process A reaches a live client of process B', async () => {
    const a = await startServer(true);
    const b = await startServer(false);
    const member = await login(b, 'adherent@demo.recours.fr');
    const handler = await login(a, 'conseiller@demo.recours.fr');
    const list = await fetch(`${b}/api/v1/dossiers`, { headers: { cookie: member.cookie } });
    const dossier = (
      (await list.json()) as { dossiers: { id: string; organisationId: string | null }[] }
    ).dossiers.find((d) => d.organisationId !== null)!;
    const controller = new AbortController();
    const stream = await fetch(`${b}/api/v1/dossiers/${dossier.id}/events`, {
      headers: { cookie: member.cookie },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let text = '';
    const until = async (needle: string) => {
      const deadline = Date.now() + 20_000;
      while (!text.includes(needle) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    };
    await until('flux du dossier');
    const posted = await fetch(`${a}/api/v1/dossiers/${dossier.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: handler.cookie, 'x-csrf-token': handler.csrf },
      body: JSON.stringify({ body: 'Réponse envoyée par un autre processus.' }),
    });
    expect(posted.status).toBe(201);
    const messageId = ((await posted.json()) as { message: { id: string } }).message.id;
    expect(await until(messageId)).toContain('event: message.created');
    controller.abort();
  }, 180_000);
});
