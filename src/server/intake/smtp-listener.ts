import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { organisationByComplaintsAddress } from '../../db/repositories/intake.ts';
import type { AppContext } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { receiveEmail } from './receive-email.ts';

/** A complaint with a few scans fits; a mailbox dump does not. Each attachment is then held to 10 MB. */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

function smtpError(message: string, responseCode: number) {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Receives the complaints addresses' mail over SMTP (behind the organisation's MX, which does spam filtering,
 * SPF and DKIM). The 250 answer is given only after the message is stored: a crash before it makes the sending
 * server retry, and the Message-ID makes the retry harmless.
 */
export async function startIntakeSmtp(
  ctx: AppContext,
  options: { port: number; host: string; mailer?: Mailer; log?: (message: string) => void },
): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    name: 'recours-intake',
    banner: 'Recours : adresse des réclamations',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_EMAIL_BYTES,
    logger: false,
    async onRcptTo(address: SMTPServerAddress, _session, callback) {
      try {
        const organisation = await organisationByComplaintsAddress(ctx.database.db, address.address);
        callback(organisation ? undefined : smtpError('Destinataire inconnu', 550));
      } catch {
        callback(smtpError('Indisponible, réessayez plus tard', 451));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(smtpError('Message trop volumineux : 25 Mo au plus', 552));
          return;
        }
        try {
          const mailFrom = session.envelope.mailFrom;
          await receiveEmail(
            ctx,
            Buffer.concat(chunks),
            {
              to: session.envelope.rcptTo.map((r) => r.address),
              from: mailFrom ? mailFrom.address : '',
            },
            options.mailer,
          );
          callback();
        } catch (error) {
          // No content in the log (health data): the error's first line only.
          options.log?.(`Réception d’un e-mail en échec : ${(error as Error).message.split('\n')[0]}`);
          callback(smtpError('Erreur temporaire, réessayez plus tard', 451));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
