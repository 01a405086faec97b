/**
 * TOTP two-factor (RFC 6238 via otpauth: 6 digits, 30 s, SHA-1, what every authenticator app
 * reads) with one-use recovery codes. Codes are checked on the injected clock, one step either
 * side (phone clocks drift), and a code's step must be newer than the last one accepted, so an
 * overheard code cannot be replayed.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '@kitajs/html';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { type Actor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { recoveryCodes, users } from '../../platform/db/schema/index.js';
import { Invalid } from '../../platform/errors.js';
import { hashToken, verifyPassword } from '../../platform/secrets.js';
import type { UserRow } from '../../platform/sessions.js';
import { auditLock, countSignInAttempt, forgetFailedAttempts } from './service.js';

const PERIOD = 30;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totp(secret: string, label = 'Puente'): TOTP {
  return new TOTP({ issuer: 'Puente', label, secret: Secret.fromBase32(secret), period: PERIOD, digits: 6 });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What an authenticator app is given (typed in, or as a link on the phone itself). */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/**
 * The otpauth URI as a QR code the phone's app scans: an SVG drawn here (no script, no image request),
 * made of presentation attributes (fill, stroke), which the CSP's `style-src 'self'` allows. An image
 * with an accessible name; the key stays typed out beside it for those who cannot scan.
 */
export async function totpQrSvg(uri: string, label: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, width: 192, errorCorrectionLevel: 'M' });
  return svg.replace(/^<svg /, `<svg class="totp-qr" role="img" aria-label="${escapeHtml(label)}" `);
}

/** The code for an instant: for tests, as a phone would show it. */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/** The time step of a valid code, or null. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

function newRecoveryCode(): string {
  // 10 characters from an alphabet without look-alikes, shown as xxxxx-xxxxx.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normalizeRecovery = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');

/**
 * Turns two-factor on once the person proves their app has the secret; returns the recovery
 * codes, which are shown this once and stored only as hashes.
 */
export async function enableTwoFactor(
  db: Db,
  user: UserRow,
  secret: string,
  code: string,
  now: Date,
): Promise<string[]> {
  const step = matchingStep(secret, code, now);
  if (step === null) throw new Invalid('That code does not match', [{ field: 'code', problem: 'mismatch' }]);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await changeTwoFactor(db, user, now, 'enable_two_factor', codes, {
    totpSecret: secret,
    totpEnabledAt: now,
    totpLastStep: step,
  });
  return codes;
}

/**
 * One two-factor change, in one transaction: the user's TOTP columns (when given), the recovery codes
 * replaced by `codes` (none: all gone), and an audit row with the user as the actor.
 */
async function changeTwoFactor(
  db: Db,
  user: UserRow,
  now: Date,
  action: string,
  codes: string[],
  totp?: Pick<UserRow, 'totpSecret' | 'totpEnabledAt' | 'totpLastStep'>,
) {
  await db.transaction(async (tx) => {
    if (totp) {
      await tx
        .update(users)
        .set({ ...totp, updatedAt: now, version: sql`${users.version} + 1` })
        .where(eq(users.id, user.id));
    }
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    if (codes.length > 0) {
      await tx
        .insert(recoveryCodes)
        .values(codes.map((c) => ({ userId: user.id, codeHash: hashToken(normalizeRecovery(c)) })));
    }
    const actor: Actor = { id: user.id, label: user.email };
    await writeAudit(tx, { actor, at: now, entityType: 'user', entityId: user.id, action });
  });
}

/** A TOTP code (newer than the last accepted) or an unused recovery code, which is then used up. */
export async function verifySecondFactor(db: Db, user: UserRow, code: string, now: Date): Promise<boolean> {
  if (!user.totpSecret) return false;
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = matchingStep(user.totpSecret, trimmed, now);
    if (step === null) return false;
    // One UPDATE both checks and records the step, so two requests cannot both use one code.
    const [accepted] = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return Boolean(accepted);
  }
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, hashToken(normalizeRecovery(trimmed))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return Boolean(used);
}

/**
 * Turning two-factor off or replacing the recovery codes asks again for the password and a current
 * code (or a recovery code): a session left open on a shared computer must not be enough. Each try
 * counts toward the account lock like a sign-in, counted before anything is checked
 * (countSignInAttempt), so such a session is no way to guess the password or the code without limit,
 * one request after another or many at once.
 */
async function confirmBothFactors(db: Db, user: UserRow, password: string, code: string, now: Date): Promise<void> {
  const attempt = await countSignInAttempt(db, user.id, now);
  // While locked nothing is checked, but the password still is against a dummy hash, for equal timing.
  const passwordOk = await verifyPassword(attempt ? user.passwordHash : null, password);
  // Checked even after a wrong password, so the answer takes as long either way.
  const codeOk = attempt !== null && (await verifySecondFactor(db, user, code, now));
  if (!attempt || !passwordOk || !codeOk) {
    const reason = !attempt ? 'account_locked' : passwordOk ? 'wrong_second_factor' : 'wrong_password';
    const actor: Actor = { id: user.id, label: user.email };
    await writeAudit(db, {
      actor,
      at: now,
      entityType: 'user',
      entityId: user.id,
      action: 'two_factor_change_refused',
      after: { reason },
    });
    await auditLock(db, actor, user.id, attempt, now);
    if (!attempt) {
      throw new Invalid('Too many wrong attempts: the account is locked', [{ field: 'password', problem: 'locked' }]);
    }
    throw new Invalid('The password or the code is wrong', [
      { field: passwordOk ? 'code' : 'password', problem: 'wrong' },
    ]);
  }
  await forgetFailedAttempts(db, user.id);
}

/** Two-factor off: the secret and every recovery code are deleted. */
export async function disableTwoFactor(db: Db, user: UserRow, password: string, code: string, now: Date) {
  if (!user.totpEnabledAt) return;
  await confirmBothFactors(db, user, password, code, now);
  await changeTwoFactor(db, user, now, 'disable_two_factor', [], {
    totpSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
  });
}

/** New recovery codes, shown once; the old ones (used or not) stop working. */
export async function regenerateRecoveryCodes(
  db: Db,
  user: UserRow,
  password: string,
  code: string,
  now: Date,
): Promise<string[]> {
  if (!user.totpEnabledAt) throw new Invalid('Two-step sign-in is off', [{ field: 'code', problem: 'not enabled' }]);
  await confirmBothFactors(db, user, password, code, now);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await changeTwoFactor(db, user, now, 'regenerate_recovery_codes', codes);
  return codes;
}
