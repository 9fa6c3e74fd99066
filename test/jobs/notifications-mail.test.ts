import type { AddressInfo } from 'node:net';
import { isNull } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/db/schema.ts';
import { jobHandlers } from '../../src/server/jobs/handlers.ts';
import { createMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import { attachJobQueue, createJobQueue, type JobQueue } from '../../src/server/shared/job-queue.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes what nodemailer encodes: RFC 2047 encoded words in headers, quoted-printable or base64 bodies. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : qpDecode(data.replace(/_/g, ' ')),
    );
}
function qpDecode(text: string): string {
  const bytes: number[] = [];
  const clean = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(clean[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
function parseMail(raw: string, to: string[]): Received {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const header = (name: string) =>
    headers
      .find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? qpDecode(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { to, subject: decodeWords(header('Subject')), text };
}

let smtp: SMTPServer;
const inbox: Received[] = [];
let t: TestApp;
let mailer: Mailer;
const queues: JobQueue[] = [];
const s: Record<string, Session> = {};
let dental: string;

function newQueue(): JobQueue {
  const queue = createJobQueue(t.ctx.database, jobHandlers(t.ctx, mailer), { mode: 'manual' });
  queues.push(queue);
  return queue;
}

beforeAll(async () => {
  // A real SMTP server in-process, on 127.0.0.1 and a random port; the tests read what it received.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await createTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Recours <ne-pas-repondre@demo.recours.fr>' },
  });
  mailer = createMailer(t.ctx.config);
  for (const [who, email] of Object.entries({
    handler: 'conseiller@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    member: 'adherent@demo.recours.fr',
  })) {
    s[who] = await t.login(email);
  }
  dental = (
    await t.app.inject({ method: 'GET', url: '/api/v1/register?q=couronne', headers: as(s.handler!) })
  ).json().items[0].id;
});
afterAll(async () => {
  for (const q of queues) await q.stop();
  mailer.close();
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('e-mails through the job queue and SMTP', () => {
  it('an action’s notification is e-mailed by the job, in French, with the reference and no health detail', async () => {
    const queue = newQueue();
    await queue.start();
    attachJobQueue(t.ctx, queue);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dental}/actions/acknowledge`,
      headers: as(s.handler!),
    });
    expect(res.statusCode, res.body).toBe(200);
    const reference = res.json().dossier.reference as string;
    expect(inbox).toHaveLength(0); // sent by the job, not by the request
    expect(await queue.runOnce('notification-email')).toBe(1);
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.to).toEqual(['adherent@demo.recours.fr']);
    expect(mail.subject).toBe(`[Recours] Dossier ${reference} : réclamation bien reçue`);
    expect(mail.text).toContain('Bonjour Camille Martin,');
    expect(mail.text).toContain('L’organisme a accusé réception de votre réclamation.');
    expect(mail.text).toContain('aucun détail de votre dossier');
    // Data minimisation: not the title, the description, the amount nor the category.
    for (const word of ['Couronne', 'dentaire', '120 €', 'céramo']) expect(mail.text).not.toContain(word);
    expect(await queue.runOnce('notification-email')).toBe(0);
    expect(inbox).toHaveLength(1);
  });

  it('a job queued before a restart is processed after it (the queue lives in the database)', async () => {
    const before = inbox.length;
    const first = queues[0]!;
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${dental}/actions/request-document`,
      headers: as(s.handler!),
      payload: { documents: ['Facture détaillée'] },
    });
    expect(note.statusCode, note.body).toBe(200);
    await first.stop(); // "restart": the first worker goes away with the job still waiting
    expect(inbox.length).toBe(before);
    const second = newQueue();
    await second.start();
    attachJobQueue(t.ctx, second);
    expect(await second.runOnce('notification-email')).toBe(1);
    expect(inbox.length).toBe(before + 1);
    expect(inbox.at(-1)!.subject).toContain('pièces demandées');
  });

  it('the reminders job creates its notifications once and queues one e-mail each', async () => {
    const queue = queues.at(-1)!;
    const before = inbox.length;
    await queue.send('deadline-reminders', { reason: 'manual' });
    expect(await queue.runOnce('deadline-reminders')).toBe(1);
    const sent = await queue.runOnce('notification-email');
    expect(sent).toBeGreaterThan(3);
    expect(inbox.length).toBe(before + sent);
    const late = inbox.slice(before).filter((m) => m.subject.includes('en retard'));
    expect(late.length).toBeGreaterThan(0);
    expect(late.some((m) => m.to.includes('superviseur@demo.recours.fr'))).toBe(true);
    // Run again: nothing new is created, nothing is sent twice.
    await queue.send('deadline-reminders', { reason: 'manual' });
    await queue.runOnce('deadline-reminders');
    expect(await queue.runOnce('notification-email')).toBe(0);
    const unsent = await t.ctx.database.db
      .select()
      .from(notifications)
      .where(isNull(notifications.emailedAt));
    expect(unsent).toEqual([]);
  });

  it('without SMTP_URL the mailer says mail is disabled and sends nothing', async () => {
    const logged: string[] = [];
    const disabled = createMailer({ mail: { smtpUrl: undefined, from: 'x@y.fr' } }, (m) => logged.push(m));
    const result = await disabled.send({ to: 'a@b.fr', subject: 'Essai', text: 'Essai' });
    expect(result.delivered).toBe(false);
    expect(disabled.enabled).toBe(false);
    expect(logged[0]).toContain('E-mails désactivés (SMTP_URL non défini)');
    // Said once, never per message (a subject names the file).
    await disabled.send({ to: 'c@d.fr', subject: 'Dossier REC-2026-AAAAAA', text: 'Essai' });
    expect(logged).toHaveLength(1);
  });
});
