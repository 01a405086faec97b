/**
 * Passwords and random tokens. Passwords: argon2id via @node-rs/argon2 (prebuilt binaries shipped as
 * optional-dependency packages, so npm 11's held-back install scripts do not matter), with its
 * defaults (m=19 MiB, t=2, p=1: OWASP's minimum for argon2id). Tokens: 32 random bytes; only their
 * sha256 is stored, so a leaked database hands out no working session or link.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { appSecrets } from './db/schema/index.js';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Checked against when the email is unknown, so a failed sign-in takes as long either way.
const dummyHash = hash('not a password of anyone: equalizes timing');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The app's own secret called `name` (e.g. the key that signs unsubscribe links), made on first use and
 * kept in the database, so every instance shares it and the operator configures nothing. The first
 * writer wins a race (`on conflict do nothing`); everyone then reads that one.
 */
export async function appSecret(db: Db, name: string): Promise<string> {
  const cached = knownSecrets.get(db)?.get(name);
  if (cached) return cached;
  await db.insert(appSecrets).values({ name, value: randomSecret() }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`app secret ${name} could not be stored`);
  const known = knownSecrets.get(db) ?? new Map<string, string>();
  known.set(name, row.value);
  knownSecrets.set(db, known);
  return row.value;
}

// Once stored a secret never changes (the insert never overwrites), so each database's is read once: a
// release to thousands signs thousands of links. Keyed by the Db object (a transaction is read afresh).
const knownSecrets = new WeakMap<Db, Map<string, string>>();
