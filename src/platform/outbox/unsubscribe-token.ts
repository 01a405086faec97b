/**
 * Signed unsubscribe tokens: the address and an HMAC-SHA256 of it under the app's own secret
 * (platform/secrets.ts `appSecret`), so a link unsubscribes exactly the address it was sent to and
 * nobody can make one for another address. Stateless: nothing to store per message, and a link keeps
 * working for as long as the secret does.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../db/client.js';
import { appSecret, sameSecret } from '../secrets.js';
import { suppressionKey } from './suppressions.js';

const SECRET_NAME = 'unsubscribe-hmac';

function mac(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${email}`).digest('base64url');
}

export async function unsubscribeToken(db: Db, email: string): Promise<string> {
  const address = suppressionKey(email);
  return `${Buffer.from(address).toString('base64url')}.${mac(await appSecret(db, SECRET_NAME), address)}`;
}

/** The address a token was made for, or null when it is malformed or its signature does not match. */
export async function verifyUnsubscribeToken(db: Db, token: string): Promise<string | null> {
  const [encoded, signature, ...rest] = token.split('.');
  if (!encoded || !signature || rest.length > 0) return null;
  const address = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!address.includes('@') || suppressionKey(address) !== address) return null;
  return sameSecret(signature, mac(await appSecret(db, SECRET_NAME), address)) ? address : null;
}
