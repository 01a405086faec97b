/** A contact's one-click unsubscribe address (RFC 8058), signed by the outbox (platform/outbox). */
import type { Db } from '../../platform/db/client.js';
import { unsubscribeToken } from '../../platform/outbox/index.js';

export async function unsubscribeUrl(db: Db, baseUrl: string, email: string): Promise<string> {
  return `${baseUrl.replace(/\/+$/, '')}/unsubscribe/${await unsubscribeToken(db, email)}`;
}
