/**
 * A real SMTP server (the smtp-server package, on a free local port) that keeps what it is sent, for
 * tests of what Puente mails.
 */
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Captured {
  to: string[];
  raw: string;
}

/** The text of a captured message, quoted-printable soft breaks and escapes undone. */
export function bodyOf(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The Message-ID header of a captured message. */
export function messageIdOf(raw: string): string | null {
  return /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? null;
}

/** A refusal the server gives instead of accepting a message: an SMTP reply code and its text. */
export interface Refusal {
  code: number;
  message: string;
}

/**
 * `refuse`, when given, is asked for each recipient (RCPT TO): a refusal answers with its code (4xx:
 * try later; 5xx: never), null accepts.
 */
export function captureSmtp(options: { refuse?: (address: string) => Refusal | null } = {}) {
  const inbox = new EventEmitter();
  const received: Captured[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      return callback(error);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        raw += chunk;
      });
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw };
        received.push(mail);
        inbox.emit('mail', mail);
        callback();
      });
    },
  });
  // A client killed mid-message (the crash tests) resets its connection: that is expected, not a failure.
  smtp.on('error', () => {});
  return {
    received,
    /** Resolves once `done(received)` holds, checked now and at every message that arrives. */
    whenReceived: (done: (all: Captured[]) => boolean) =>
      new Promise<void>((resolve) => {
        if (done(received)) return resolve();
        const check = () => {
          if (!done(received)) return;
          inbox.off('mail', check);
          resolve();
        };
        inbox.on('mail', check);
      }),
    /** The next message to arrive. */
    nextMail: async () => ((await once(inbox, 'mail')) as [Captured])[0],
    /** Starts listening; the port it listens on. */
    listen: async (): Promise<number> => {
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      return (smtp.server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
