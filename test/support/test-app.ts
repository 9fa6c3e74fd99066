import { generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { AppContext } from '../../src/server/context.ts';
import { DEMO_PASSWORD, type DemoFileKey, seedDemo } from '../../src/server/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** The tests' checkpoint signing key: nothing written to the data folder. */
const TEST_AUDIT_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  /** The demo files' ids by key (src/server/seed/demo.ts), or null without the demo data. */
  demoFiles: Record<DemoFileKey, string> | null;
  login(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

/** The real server in-process (app.inject, no network) on a database of its own, with the demo data. */
export async function createTestApp(
  options: { env?: Record<string, string>; now?: () => Date; seed?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    SEED_DEMO: 'false',
    LOGIN_MAX_PER_MINUTE: '1000',
    AUDIT_SIGNING_KEY: TEST_AUDIT_KEY,
    LOGIN_MAX_PER_IP_PER_MINUTE: '1000',
    ...options.env,
  });
  const ctx: AppContext = { database, config, now: options.now ?? (() => new Date('2026-11-23T10:00:00Z')) };
  const demoFiles = options.seed === false ? null : (await seedDemo(database.db, ctx.now())).files;
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  return {
    app,
    ctx,
    database,
    demoFiles,
    async login(email, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      return { cookie: sessionCookie(res), csrfToken: res.json().csrfToken, userId: res.json().user.id };
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'recours_session');
  if (!cookie) throw new Error('no session cookie');
  return `recours_session=${cookie.value}`;
}

/** Headers of a signed-in request: the session cookie and, for writes, the CSRF token. */
export function as(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}
