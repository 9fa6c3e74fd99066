import type { Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  /** Plain French text; never health details beyond the file reference (data minimisation, RGPD art. 5-1-c). */
  text: string;
  /** Where the member's answer goes (a complaints address, so that it threads back into the file). */
  replyTo?: string;
  /** e.g. Auto-Submitted for automatic answers (RFC 3834), In-Reply-To for threading. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** False when SMTP_URL is unset: mails are logged as not sent, and jobs still complete. */
  readonly enabled: boolean;
  send(mail: OutgoingMail): Promise<{ messageId: string | undefined; delivered: boolean }>;
  close(): void;
}

/**
 * SMTP through nodemailer (SMTP_URL). Without SMTP_URL the mailer is disabled: it says so once in the log and
 * drops the message, so that a development machine never sends real e-mails by accident.
 */
export function createMailer(
  config: Pick<Config, 'mail'>,
  log: (message: string) => void = (m) => console.warn(m),
): Mailer {
  const { smtpUrl, from } = config.mail;
  if (!smtpUrl) {
    let warned = false;
    return {
      enabled: false,
      async send() {
        if (!warned) {
          log(
            'E-mails désactivés (SMTP_URL non défini) : les notifications restent visibles dans l’application.',
          );
          warned = true;
        }
        // Nothing per message: at a million files a reminders run queues thousands, and a subject names the file.
        return { messageId: undefined, delivered: false };
      },
      close() {},
    };
  }
  // nodemailer is imported at the first mail, not when the server starts (docs/performance.md: resident memory).
  let transport: Promise<Transporter> | undefined;
  let opened: Transporter | undefined;
  return {
    enabled: true,
    async send(mail) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => {
        opened = nodemailer.createTransport(smtpUrl);
        return opened;
      });
      const info = await (await transport).sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
      return { messageId: info.messageId, delivered: true };
    },
    close() {
      opened?.close();
    },
  };
}
