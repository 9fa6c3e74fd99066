import { createHash } from 'node:crypto';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { OrganisationKind } from '../../contracts/organisation-kinds.ts';
import { HANDLING_ROLES } from '../../contracts/roles.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { insertMessage } from '../../db/repositories/dossier-messages.ts';
import { notify, staffOf } from '../../db/repositories/dossier-notifications.ts';
import { updateDossier } from '../../db/repositories/dossier-updates.ts';
import { findDossier, insertNewDossier } from '../../db/repositories/dossiers.ts';
import {
  dossierByReference,
  findInbound,
  insertInbound,
  memberByAddress,
  memberByNumber,
  openFilesOf,
  organisationByComplaintsAddress,
  recentInboundCount,
} from '../../db/repositories/intake.ts';
import { findUserById } from '../../db/repositories/users.ts';
import {
  automatedReason,
  memberNumberIn,
  type Routing,
  referencesIn,
  routeInboundMail,
} from '../../domain/intake/inbound-mail.ts';
import { recordedComplaint } from '../../domain/intake/recorded-complaint.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import type { AppContext } from '../context.ts';
import { publishChange } from '../live/bus.ts';
import type { Mailer } from '../mail/mailer.ts';
import { jobQueueOf } from '../shared/job-queue.ts';
import { dossierSuggestion } from '../shared/triage-suggestion.ts';
import { createMemberRecord } from './member-records.ts';
import { type CheckedFile, checkIncomingFile, storeDocument } from './stored-document.ts';

export interface Envelope {
  /** RCPT TO addresses. */
  to: string[];
  /** MAIL FROM; empty for a bounce (RFC 5321 null reverse-path). */
  from: string;
}

export interface ReceivedEmail {
  outcome: 'appended' | 'new_file' | 'to_identify' | 'dropped' | 'duplicate' | 'no_organisation';
  dossierId?: string;
  reference?: string;
  refused: { fileName: string; reason: string }[];
  reason?: string;
}

/** A member's words without the quoted thread below them (« Le 2 déc. 2026, Recours a écrit : »). */
export function ownWords(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cut = lines.findIndex(
    (l) =>
      /^\s*(le|on)\s.+(a écrit|wrote)\s*:\s*$/i.test(l) ||
      /^-{2,}\s*(message d'origine|original message)/i.test(l.trim()) ||
      /^de\s*:\s.+@/i.test(l.trim()),
  );
  const kept = (cut >= 0 ? lines.slice(0, cut) : lines).filter((l) => !/^\s*>/.test(l));
  return kept.join('\n').trim();
}

function headerGetter(mail: ParsedMail, envelope: Envelope) {
  return {
    get(name: string): string | undefined {
      if (name === 'return-path' && envelope.from === '') return '<>';
      const value = mail.headers.get(name);
      if (value === undefined || value === null) return undefined;
      return typeof value === 'string' ? value : JSON.stringify(value);
    },
  };
}

const MAX_TITLE = 200;

/**
 * An e-mail sent to an organisation's complaints address becomes a file of its register or joins one
 * (docs/intake.md). Idempotent on the Message-ID: a message delivered twice is stored once.
 */
export async function receiveEmail(
  ctx: AppContext,
  raw: Buffer,
  envelope: Envelope,
  mailer?: Mailer,
): Promise<ReceivedEmail> {
  const mail = await simpleParser(raw);
  const addresses = [
    ...envelope.to,
    ...[mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')),
  ].filter(Boolean);
  const { db } = ctx.database;
  let organisation: Awaited<ReturnType<typeof organisationByComplaintsAddress>>;
  for (const address of addresses) {
    organisation ??= await organisationByComplaintsAddress(db, address);
  }
  if (!organisation) return { outcome: 'no_organisation', refused: [] };
  const from = (mail.from?.value[0]?.address ?? envelope.from).toLowerCase();
  const fromName = mail.from?.value[0]?.name?.trim();
  const messageId = mail.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const previous = await findInbound(db, organisation.id, messageId);
  if (previous) {
    return {
      outcome: 'duplicate',
      ...(previous.dossierId ? { dossierId: previous.dossierId } : {}),
      refused: [],
    };
  }

  const now = ctx.now();
  const today = parisDateOf(now);
  const subject = (mail.subject ?? '').trim();
  const text = ownWords(mail.text ?? '');
  const references = referencesIn(subject);
  const referenced = references[0] ? await dossierByReference(db, organisation.id, references[0]) : undefined;
  const referencedMember = referenced ? await findUserById(db, referenced.memberId) : undefined;
  const sender = from ? await memberByAddress(db, organisation.id, from) : undefined;
  const number = memberNumberIn(`${subject}\n${text}`);
  const routing = routeInboundMail({
    automated: automatedReason(headerGetter(mail, envelope), from || envelope.from),
    recentFromSender: from
      ? await recentInboundCount(db, organisation.id, from, new Date(now.getTime() - 3_600_000))
      : 0,
    referencedFile: referenced
      ? {
          id: referenced.id,
          memberEmailMatches: [referencedMember?.email, referencedMember?.contactEmail].some(
            (a) => a && a.toLowerCase() === from,
          ),
        }
      : undefined,
    senderMemberId: sender?.id,
    senderOpenFiles: sender ? await openFilesOf(db, sender.id, organisation.id) : [],
    memberByNumber: !sender && number ? (await memberByNumber(db, organisation.id, number))?.id : undefined,
  });

  if (routing.kind === 'drop') {
    await insertInbound(db, {
      organisationId: organisation.id,
      messageId,
      fromAddress: from || '(vide)',
      receivedAt: now,
      outcome: 'dropped',
      reason: routing.reason,
    }).catch(() => undefined);
    return { outcome: 'dropped', reason: routing.reason, refused: [] };
  }

  const checked: CheckedFile[] = await Promise.all(
    mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || !a.related)
      .map((a) => checkIncomingFile({ bytes: a.content, fileName: a.filename })),
  );
  const accepted = checked.filter((c): c is Extract<CheckedFile, { ok: true }> => c.ok);
  const refused = checked
    .filter((c): c is Extract<CheckedFile, { ok: false }> => !c.ok)
    .map(({ fileName, reason }) => ({ fileName, reason }));
  // The date the member wrote (Date header), when it is a plausible day: it starts the clocks (ACPR 2024-R-02).
  const writtenOn = mail.date ? parisDateOf(mail.date) : undefined;

  const stored = await db.transaction(async (tx) => {
    const target = await applyRouting(tx, ctx, routing, {
      organisation,
      from,
      fromName,
      subject,
      text,
      today,
      writtenOn: writtenOn && writtenOn <= today ? writtenOn : undefined,
      now,
    });
    const documentIds: string[] = [];
    for (const file of accepted) {
      const row = await storeDocument(tx, {
        dossierId: target.dossierId,
        file,
        kind: 'letter_received',
        uploadedById: target.memberId,
        documentDate: writtenOn && writtenOn <= today ? writtenOn : null,
        at: now,
      });
      documentIds.push(row.id);
    }
    await insertInbound(tx, {
      organisationId: organisation.id,
      messageId,
      fromAddress: from || '(vide)',
      receivedAt: now,
      dossierId: target.dossierId,
      outcome: target.outcome,
      reason: refused.length > 0 ? `${refused.length} pièce(s) refusée(s)` : null,
      attachmentsRefused: refused.length,
    });
    return { ...target, documentIds };
  });

  publishChange({
    type: stored.outcome === 'appended' ? 'message.created' : 'status.changed',
    dossierId: stored.dossierId,
    audience: 'all',
    at: now,
  });
  const queue = jobQueueOf(ctx);
  for (const id of stored.documentIds) await queue?.send('document-ocr', { documentId: id });
  const dossier = await findDossier(db, stored.dossierId);
  if (mailer && from && dossier && (stored.outcome !== 'appended' || refused.length > 0)) {
    await mailer
      .send(receiptMail(from, dossier.reference, organisation, stored.outcome, refused))
      .catch(() => undefined);
  }
  return {
    outcome: stored.outcome,
    dossierId: stored.dossierId,
    ...(dossier ? { reference: dossier.reference } : {}),
    refused,
  };
}

interface RoutingContext {
  organisation: {
    id: string;
    name: string;
    kind: OrganisationKind;
  };
  from: string;
  fromName: string | undefined;
  subject: string;
  text: string;
  today: string;
  writtenOn: string | undefined;
  now: Date;
}

async function applyRouting(
  tx: Db,
  _ctx: AppContext,
  routing: Exclude<Routing, { kind: 'drop' }>,
  c: RoutingContext,
): Promise<{ dossierId: string; memberId: string; outcome: 'appended' | 'new_file' | 'to_identify' }> {
  if (routing.kind === 'append') {
    const dossier = (await findDossier(tx, routing.dossierId))!;
    const body = c.text || '(message sans texte : voir les pièces jointes)';
    const message = await insertMessage(tx, {
      dossierId: dossier.id,
      authorId: dossier.memberId,
      kind: 'message',
      internal: false,
      body,
      createdAt: c.now,
    });
    await updateDossier(tx, dossier.id, { updatedAt: c.now });
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: dossier.memberId,
      type: 'message.posted',
      payload: {
        messageId: message.id,
        kind: 'message',
        internal: false,
        via: 'email',
        matchedBy: routing.because,
      },
      occurredAt: c.now,
    });
    const recipients = dossier.assignedHandlerId
      ? [{ id: dossier.assignedHandlerId }]
      : await staffOf(tx, c.organisation.id, HANDLING_ROLES);
    await notify(
      tx,
      recipients.map((r) => ({
        userId: r.id,
        dossierId: dossier.id,
        kind: 'message',
        title: `Nouveau message — dossier ${dossier.reference}`,
        body: 'L’adhérent a répondu par e-mail : son message est dans la messagerie du dossier.',
        dedupeKey: `message:${message.id}:${r.id}`,
        createdAt: c.now,
      })),
    );
    return { dossierId: dossier.id, memberId: dossier.memberId, outcome: 'appended' };
  }

  let memberId: string;
  let pending = false;
  if (routing.kind === 'new_file') {
    memberId = routing.memberId;
    // Found by a number typed in the message, not by his own address: the handler confirms who it is.
    pending = routing.identification === 'member_number';
  } else {
    const { record } = await createMemberRecord(
      tx,
      c.organisation.id,
      { displayName: c.fromName || c.from, email: c.from },
      c.now,
    );
    memberId = record.id;
    pending = true;
    await appendAuditEvent(tx, {
      dossierId: null,
      organisationId: c.organisation.id,
      actorId: null,
      type: 'member.recorded',
      payload: { memberId, organisationId: c.organisation.id, via: 'email' },
      occurredAt: c.now,
    });
  }
  const decided = recordedComplaint({
    channel: 'email',
    receivedOn: c.today,
    writtenOn: c.writtenOn,
    today: c.today,
  });
  const facts = decided.ok ? decided.value.facts : { complaintReceivedOn: c.today };
  const title = (c.subject.replace(/^(re|tr|fwd?)\s*:\s*/i, '') || 'Réclamation reçue par e-mail').slice(
    0,
    MAX_TITLE,
  );
  const description = c.text || '(message sans texte : voir les pièces jointes)';
  const suggestion = dossierSuggestion(
    { title, description, organisationKind: c.organisation.kind, complaintSentOn: facts.complaintSentOn },
    c.now,
  );
  const dossier = await insertNewDossier(tx, c.now.getUTCFullYear(), {
    memberId,
    organisationId: c.organisation.id,
    organisationName: c.organisation.name,
    organisationKind: c.organisation.kind,
    category: suggestion.suggestedCategory,
    title,
    description,
    channel: 'email',
    facts,
    status: 'submitted',
    // It reached the organisation: never a private draft.
    transmittedAt: c.now,
    identificationPending: pending,
    ...suggestion,
    createdAt: c.now,
    updatedAt: c.now,
  });
  await appendAuditEvent(tx, {
    dossierId: dossier.id,
    actorId: null,
    type: 'dossier.recorded',
    payload: {
      after: { category: dossier.category, status: dossier.status, channel: 'email' },
      identificationPending: pending,
      facts,
    },
    occurredAt: c.now,
  });
  const supervisors = await staffOf(tx, c.organisation.id, HANDLING_ROLES);
  await notify(
    tx,
    supervisors.map((s) => ({
      userId: s.id,
      dossierId: dossier.id,
      kind: 'intake',
      title: `Réclamation reçue par e-mail — ${dossier.reference}`,
      body: pending
        ? 'Expéditeur à identifier : retrouvez l’adhérent avant de traiter la réclamation.'
        : 'Une réclamation est arrivée à l’adresse des réclamations.',
      dedupeKey: `intake:${dossier.id}:${s.id}`,
      createdAt: c.now,
    })),
  );
  return {
    dossierId: dossier.id,
    memberId,
    outcome: routing.kind === 'new_file' && !pending ? 'new_file' : 'to_identify',
  };
}

/** What the sender reads back: the reference to keep in the subject, and why a piece was kept out. */
export function receiptMail(
  to: string,
  reference: string,
  organisation: { name: string; complaintsEmail: string | null },
  outcome: string,
  refused: { fileName: string; reason: string }[],
) {
  const lines = [
    'Bonjour,',
    '',
    outcome === 'appended'
      ? `Votre message a été ajouté à votre dossier ${reference}.`
      : `Votre message a bien été reçu et enregistré sous la référence ${reference}. Un conseiller vous répondra ; pour compléter votre dossier, répondez à cet e-mail en gardant la référence dans l’objet.`,
  ];
  if (refused.length > 0) {
    lines.push('', 'Les pièces jointes suivantes n’ont pas pu être enregistrées :');
    for (const r of refused) lines.push(`- ${r.fileName} : ${r.reason}`);
    lines.push('Renvoyez-les au format PDF, JPEG ou PNG, 10 Mo au plus chacune.');
  }
  lines.push('', organisation.name, '', 'Ce message est envoyé automatiquement.');
  return {
    to,
    subject: `[${reference}] Accusé de dépôt de votre message`,
    text: lines.join('\n'),
    ...(organisation.complaintsEmail ? { replyTo: organisation.complaintsEmail } : {}),
    // RFC 3834 §5: an automatic answer says so, and other robots do not answer it.
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  };
}
