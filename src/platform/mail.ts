/**
 * The SMTP connection the outbox sender (platform/outbox/) hands messages to: nodemailer to the server in
 * SMTP_URL. nodemailer: the de-facto Node SMTP client, no native parts, handles STARTTLS, auth and
 * pooling. Nothing else sends mail: features enqueue it (`enqueueMail`), so no request waits for SMTP.
 */
import nodemailer from 'nodemailer';

/** One message as it goes over SMTP: already addressed, with its fixed Message-ID and extra headers. */
export interface SmtpMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer }[];
}

export interface Mailer {
  /** The sender address, e.g. `Puente <no-reply@puente.example.org>`. */
  from: string;
  /** Resolves with the server's reply once it accepted the message; rejects with an SmtpError-like error. */
  send(message: SmtpMessage): Promise<{ response: string }>;
  close(): void;
}

/**
 * Timeouts well inside the outbox's lease (platform/outbox/sender.ts), so a stuck connection gives up
 * before another sender may take the message over. A pool of a few connections: a release to thousands
 * is not one TCP handshake per recipient.
 */
const TRANSPORT_OPTIONS = {
  pool: true,
  maxConnections: 4,
  connectionTimeout: 20_000,
  greetingTimeout: 20_000,
  socketTimeout: 30_000,
} as const;

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TRANSPORT_OPTIONS });
  return {
    from,
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      return { response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}

/** The sender address: no-reply at the site's own host name. */
export function mailFrom(baseUrl: string): string {
  return `Puente <no-reply@${new URL(baseUrl).hostname}>`;
}

/** What an SMTP refusal carries (nodemailer's errors): the reply code and text, when the server answered. */
export function smtpReply(error: unknown): { code: number | null; text: string } {
  const e = error as { responseCode?: unknown; response?: unknown; message?: unknown; code?: unknown };
  const code = typeof e?.responseCode === 'number' ? e.responseCode : null;
  const text =
    typeof e?.response === 'string' && e.response
      ? e.response
      : `${typeof e?.code === 'string' ? `${e.code}: ` : ''}${typeof e?.message === 'string' ? e.message : String(error)}`;
  return { code, text };
}
