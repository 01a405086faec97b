/**
 * A message's Message-ID comes from its idempotency key, not from chance: if the sender crashes after
 * the SMTP server accepted a message but before the row says `sent`, the retry carries the same
 * Message-ID, so the recipient's server and mail client can tell it is the same message.
 */
import { createHash } from 'node:crypto';

/** `<hash of the key>@<the sender's domain>`, as RFC 5322 wants it (angle brackets included). */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'puente.invalid';
  const local = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${local}.outbox@${domain}>`;
}
