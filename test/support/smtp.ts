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

/** `refuse`: recipients answered "550 No such user" at RCPT TO, as a server refuses an address for good. */
export function captureSmtp(options: { refuse?: (address: string) => boolean } = {}) {
  const inbox = new EventEmitter();
  const received: Captured[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 });
        return callback(error);
      }
      callback();
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
  return {
    received,
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
