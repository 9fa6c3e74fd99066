import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, dossiers, inboundEmails, outboundEmails } from '../../src/db/schema.ts';
import { startIntakeSmtp } from '../../src/server/intake/smtp-listener.ts';
import { jobHandlers } from '../../src/server/jobs/handlers.ts';
import { createMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import { attachJobQueue, createJobQueue, type JobQueue } from '../../src/server/shared/job-queue.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

/** Both ends in process: our listener receives, an SMTP sink stands for the members' mailboxes. */
let t: TestApp;
let mailer: Mailer;
let queue: JobQueue;
let intake: { port: number; close(): Promise<void> };
let sink: SMTPServer;
const outbox: {
  to: string[];
  subject: string;
  text: string;
  headers: Map<string, unknown>;
  replyTo?: string;
}[] = [];
const s: Record<string, Session> = {};
const ADDRESS = 'reclamations@demo.recours.fr';

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        outbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          headers: mail.headers,
          ...(mail.replyTo ? { replyTo: mail.replyTo.value[0]?.address } : {}),
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const sinkPort = (sink.server.address() as AddressInfo).port;
  // A clock that moves a second at each reading, so that the messages' order of arrival is known.
  let tick = 0;
  t = await createTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${sinkPort}` },
    now: () => new Date(Date.UTC(2026, 10, 23, 10, 0, tick++)),
  });
  mailer = createMailer(t.ctx.config);
  queue = createJobQueue(t.ctx.database, jobHandlers(t.ctx, mailer), { mode: 'manual' });
  await queue.start();
  attachJobQueue(t.ctx, queue);
  intake = await startIntakeSmtp(t.ctx, { port: 0, host: '127.0.0.1', mailer });
  s.handler = await t.login('conseiller@demo.recours.fr');
});
afterAll(async () => {
  await intake.close();
  await queue.stop();
  mailer.close();
  await t.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

function send(message: SendMailOptions, envelopeFrom?: string) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: intake.port,
    secure: false,
    ignoreTLS: true,
  });
  return transport.sendMail({
    to: ADDRESS,
    ...message,
    ...(envelopeFrom !== undefined ? { envelope: { from: envelopeFrom, to: ADDRESS } } : {}),
  });
}

/** A valid PDF padded to the size asked (a comment block before %%EOF keeps it a PDF). */
function pdfOf(size: number): Buffer {
  const head =
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n';
  const padding = `%${'x'.repeat(Math.max(0, size - head.length - 8))}\n`;
  return Buffer.from(`${head}${padding}%%EOF\n`);
}

async function lastInbound() {
  const rows = await t.ctx.database.db.select().from(inboundEmails).orderBy(inboundEmails.receivedAt);
  return rows.at(-1)!;
}

describe('mail to the complaints address', () => {
  let fileId: string;
  let reference: string;

  it('from an unknown sender: a file « à identifier », its 5 MB attachment kept, a forbidden one refused and the sender told why', async () => {
    const started = performance.now();
    await send({
      from: '"Hélène Roux" <helene.roux@exemple.fr>',
      subject: 'Refus de prise en charge de mon implant',
      text: 'Bonjour,\nvous refusez de prendre en charge mon implant dentaire alors que mon contrat le prévoit.\nHélène Roux',
      attachments: [
        { filename: 'devis.pdf', content: pdfOf(5 * 1024 * 1024), contentType: 'application/pdf' },
        {
          filename: 'photo.exe',
          content: Buffer.from('MZ\x90\x00binary'),
          contentType: 'application/octet-stream',
        },
      ],
    });
    const elapsed = performance.now() - started;
    console.log(`E-mail de 5 Mo devenu dossier en ${Math.round(elapsed)} ms`);
    const inbound = await lastInbound();
    expect(inbound.outcome).toBe('to_identify');
    expect(inbound.attachmentsRefused).toBe(1);
    const [file] = await t.ctx.database.db.select().from(dossiers).where(eq(dossiers.id, inbound.dossierId!));
    fileId = file!.id;
    reference = file!.reference;
    expect(file).toMatchObject({
      channel: 'email',
      status: 'submitted',
      identificationPending: true,
      title: 'Refus de prise en charge de mon implant',
    });
    expect(file!.facts).toMatchObject({ complaintReceivedOn: '2026-11-23' });
    const pieces = await t.ctx.database.db.select().from(documents).where(eq(documents.dossierId, fileId));
    expect(pieces.map((p) => [p.fileName, p.mimeType, p.sizeBytes > 5_000_000])).toEqual([
      ['devis.pdf', 'application/pdf', true],
    ]);
    const receipt = outbox.find((m) => m.to.includes('helene.roux@exemple.fr'))!;
    expect(receipt.subject).toContain(reference);
    expect(receipt.text).toMatch(/photo\.exe : /);
    expect(receipt.headers.get('auto-submitted')).toBe('auto-replied');
    expect(receipt.replyTo).toBe(ADDRESS);
  });

  it('the same message delivered twice is stored once', async () => {
    const before = (await t.ctx.database.db.select().from(dossiers)).length;
    const message = {
      from: 'marc.petit@exemple.fr',
      subject: 'Cotisation',
      text: 'Ma cotisation a doublé sans explication.',
      messageId: '<unique-1@exemple.fr>',
    };
    await send(message);
    await send(message);
    expect((await t.ctx.database.db.select().from(dossiers)).length).toBe(before + 1);
  });

  it('a handler’s message leaves by e-mail with the reference, and the member’s reply threads back into the file', async () => {
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${fileId}/messages`,
      headers: as(s.handler!),
      payload: { body: 'Pouvez-vous nous envoyer la facture de l’implant ?', kind: 'document_request' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    await queue.runOnce('intake-reply-email');
    const out = outbox.find(
      (m) => m.to.includes('helene.roux@exemple.fr') && m.subject.includes('Pièce demandée'),
    )!;
    expect(out.subject).toBe(`[${reference}] Pièce demandée pour votre réclamation`);
    expect(out.text).toContain('Pouvez-vous nous envoyer la facture');
    expect(out.replyTo).toBe(ADDRESS);
    // Run again: the message is sent once.
    await t.ctx.database.db.update(outboundEmails).set({ sentAt: new Date() });
    await queue.send('intake-reply-email', { messageId: posted.json().message.id });
    await queue.runOnce('intake-reply-email');
    expect(outbox.filter((m) => m.subject.includes('Pièce demandée'))).toHaveLength(1);

    await send({
      from: 'helene.roux@exemple.fr',
      subject: `Re: [${reference}] Pièce demandée pour votre réclamation`,
      text: `Voici la facture.\n\nLe 23 nov. 2026 à 11:00, Mutuelle Démo a écrit :\n> Pouvez-vous nous envoyer la facture ?`,
      attachments: [{ filename: 'facture.pdf', content: pdfOf(20_000) }],
    });
    expect((await lastInbound()).outcome).toBe('appended');
    const messages = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/dossiers/${fileId}/messages`,
        headers: as(s.handler!),
      })
    ).json().messages;
    expect(messages.at(-1).body).toBe('Voici la facture.');
    const pieces = await t.ctx.database.db.select().from(documents).where(eq(documents.dossierId, fileId));
    expect(pieces.map((p) => p.fileName).sort()).toEqual(['devis.pdf', 'facture.pdf']);
  });

  it('a stranger quoting the reference does not write into the file', async () => {
    await send({ from: 'inconnu@exemple.fr', subject: `Re: [${reference}]`, text: 'Je réponds pour elle.' });
    const inbound = await lastInbound();
    expect(inbound.outcome).toBe('to_identify');
    expect(inbound.dossierId).not.toBe(fileId);
  });

  it('auto-replies, bounces and loops are stopped, never answered', async () => {
    const sentBefore = outbox.length;
    await send({
      from: 'helene.roux@exemple.fr',
      subject: 'Absence du bureau',
      text: 'Je suis absente.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(await lastInbound()).toMatchObject({ outcome: 'dropped' });
    await send({ from: 'helene.roux@exemple.fr', subject: 'Delivery failure', text: 'failed' }, '');
    expect(await lastInbound()).toMatchObject({ outcome: 'dropped' });
    for (let i = 0; i < 12; i++) {
      await send({
        from: 'robot@exemple.fr',
        subject: `Ticket ${i}`,
        text: `Accusé automatique numéro ${i}`,
      });
    }
    const fromRobot = (
      await t.ctx.database.db.select().from(inboundEmails).orderBy(inboundEmails.receivedAt)
    ).filter((r) => r.fromAddress === 'robot@exemple.fr');
    // The first opened a file, the next nine joined it, the eleventh and twelfth were stopped.
    expect(fromRobot.map((r) => r.outcome)).toEqual([
      'to_identify',
      ...Array(9).fill('appended'),
      'dropped',
      'dropped',
    ]);
    expect(fromRobot.at(-1)!.reason).toMatch(/boucle/);
    // One receipt, for the file the first message opened; nothing answered the auto-reply or the bounce.
    expect(outbox.length - sentBefore).toBe(1);
  });

  it('refuses mail for an address that is not a complaints address', async () => {
    await expect(
      send({ from: 'a@exemple.fr', to: 'autre@demo.recours.fr', subject: 'x', text: 'x' }),
    ).rejects.toThrow(/550/);
  });
});
