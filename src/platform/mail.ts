/**
 * Outgoing email (reset and invitation links) through nodemailer to the SMTP server in SMTP_URL.
 * nodemailer: the de-facto Node SMTP client, no native parts, handles STARTTLS, auth and pooling.
 */
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** The sender address: no-reply at the site's own host name. */
export function mailFrom(baseUrl: string): string {
  return `Puente <no-reply@${new URL(baseUrl).hostname}>`;
}
