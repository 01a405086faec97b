/** Environment parsed once into a typed object; every problem is one clear line. */
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
// Not the files feature's front door (index.ts): that loads the whole feature and its libraries, and
// src/main.ts reads the config before anything else so the database starts opening at once.
import { DEFAULT_UPLOAD_LIMITS, parseByteSize } from '../features/files/limits.js';
import { StartupError } from '../platform/errors.js';
import type { UploadLimits } from '../platform/feature.js';
// The sender's own file, not the outbox's front door: only its defaults are needed this early.
import { OUTBOX_DEFAULTS } from '../platform/outbox/defaults.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Where PGlite keeps its files when no DATABASE_URL is set. */
  dataDir: string;
  databaseUrl: string | null;
  /** A read replica of DATABASE_URL for anonymous public pages (DATABASE_REPLICA_URL); null: none. */
  databaseReplicaUrl: string | null;
  logLevel: LogLevel;
  /** Load the demo coalition when the database is empty (PUENTE_DEMO=off disables it). */
  loadDemoWhenEmpty: boolean;
  /** Cookies marked Secure even over plain HTTP, for TLS ending at a proxy (PUENTE_SECURE_COOKIES=1). */
  secureCookies: boolean;
  /** Public address of the site, for links printed or emailed (PUENTE_BASE_URL), without a trailing slash. */
  baseUrl: string;
  /** Where every email goes out, through the outbox (SMTP_URL, smtp:// or smtps://); null: no email. */
  smtpUrl: string | null;
  /** The outbox sender: messages per second per process (PUENTE_MAIL_RATE) and its lease (PUENTE_MAIL_LEASE_SECONDS). */
  mail: { ratePerSecond: number; leaseSeconds: number };
  /**
   * Which reverse proxies to believe about the client's address and protocol (PUENTE_TRUST_PROXY):
   * false, a hop count, or addresses/CIDR ranges. Passed to Fastify's `trustProxy`.
   */
  trustProxy: TrustProxy;
  /** Largest logo and full document accepted (PUENTE_LOGO_MAX_BYTES, PUENTE_DOCUMENT_MAX_BYTES). */
  uploadLimits: UploadLimits;
  /** Follow-up reminders: months without a status update before a recommendation is listed (PUENTE_FOLLOWUP_STALE_MONTHS). */
  followupStaleMonths: number;
  /** Where to POST when public pages change, for a CDN or caching proxy to purge (PUENTE_PURGE_URL); null: none. */
  purgeUrl: string | null;
}

export type TrustProxy = false | number | string[];

type Env = Record<string, string | undefined>;

/**
 * How the server writes its log: one readable line per event for a person at a terminal (`pretty`), JSON
 * lines for machines: when stdout is piped or a file, in production (NODE_ENV=production) and in tests.
 */
export type LogFormat = 'pretty' | 'json';

export function logFormat(stdout: { isTTY?: boolean }, env: Env = process.env): LogFormat {
  if (env.NODE_ENV === 'production' || env.NODE_ENV === 'test') return 'json';
  return stdout.isTTY === true ? 'pretty' : 'json';
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = parsePort(env.PORT);
  return {
    port,
    host: nonEmpty(env.HOST) ?? 'localhost',
    dataDir: parseDataDir(env.PUENTE_DATA_DIR, cwd),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    databaseReplicaUrl: parseReplicaUrl(env.DATABASE_REPLICA_URL, env.DATABASE_URL),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    loadDemoWhenEmpty: parseDemoSwitch(env.PUENTE_DEMO),
    secureCookies: parseSecureCookies(env.PUENTE_SECURE_COOKIES),
    baseUrl: parseBaseUrl(env.PUENTE_BASE_URL, port),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mail: {
      ratePerSecond: parseWholeNumber('PUENTE_MAIL_RATE', env.PUENTE_MAIL_RATE, {
        min: 1,
        max: 1000,
        unit: 'messages per second',
        fallback: OUTBOX_DEFAULTS.ratePerSecond,
      }),
      leaseSeconds: parseWholeNumber('PUENTE_MAIL_LEASE_SECONDS', env.PUENTE_MAIL_LEASE_SECONDS, {
        min: 2,
        max: 3600,
        unit: 'seconds',
        fallback: OUTBOX_DEFAULTS.leaseMs / 1000,
      }),
    },
    trustProxy: parseTrustProxy(env.PUENTE_TRUST_PROXY),
    uploadLimits: {
      logoBytes: parseSize('PUENTE_LOGO_MAX_BYTES', env.PUENTE_LOGO_MAX_BYTES, DEFAULT_UPLOAD_LIMITS.logoBytes),
      documentBytes: parseSize(
        'PUENTE_DOCUMENT_MAX_BYTES',
        env.PUENTE_DOCUMENT_MAX_BYTES,
        DEFAULT_UPLOAD_LIMITS.documentBytes,
      ),
    },
    followupStaleMonths: parseStaleMonths(env.PUENTE_FOLLOWUP_STALE_MONTHS),
    purgeUrl: parsePurgeUrl(env.PUENTE_PURGE_URL),
  };
}

function parsePurgeUrl(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(
      `PUENTE_PURGE_URL=${value} is not a URL: use the address your proxy or CDN purges on, e.g. http://127.0.0.1:6081/purge`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StartupError(`PUENTE_PURGE_URL must start with https:// or http:// (got ${url.protocol}//).`);
  }
  return url.toString();
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parsePort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new StartupError(`PORT=${value} is not a port number: use a whole number from 0 to 65535 (e.g. PORT=3000).`);
  }
  return port;
}

function parseDataDir(raw: string | undefined, cwd: string): string {
  const value = nonEmpty(raw) ?? 'data';
  return isAbsolute(value) ? value : resolve(cwd, value);
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  if (value === undefined) return null;
  checkUrl(value, ['postgres:', 'postgresql:'], {
    invalid:
      'DATABASE_URL is not a valid URL: use postgres://USER@HOST:PORT/DATABASE, or unset it to use the embedded database.',
    wrongScheme: (got) =>
      `DATABASE_URL must start with postgres:// (got ${got}//): Puente speaks PostgreSQL only; unset it to use the embedded database.`,
  });
  return value;
}

function parseReplicaUrl(raw: string | undefined, primary: string | undefined): string | null {
  const value = nonEmpty(raw);
  if (value === undefined) return null;
  if (nonEmpty(primary) === undefined) {
    throw new StartupError(
      'DATABASE_REPLICA_URL is set without DATABASE_URL: a read replica is of a PostgreSQL primary; set DATABASE_URL too, or unset DATABASE_REPLICA_URL.',
    );
  }
  checkUrl(value, ['postgres:', 'postgresql:'], {
    invalid:
      'DATABASE_REPLICA_URL is not a valid URL: use postgres://USER@HOST:PORT/DATABASE of a replica of DATABASE_URL.',
    wrongScheme: (got) => `DATABASE_REPLICA_URL must start with postgres:// (got ${got}//), like DATABASE_URL.`,
  });
  return value;
}

function parseLogLevel(raw: string | undefined): LogLevel {
  const value = nonEmpty(raw)?.toLowerCase() ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new StartupError(`LOG_LEVEL=${raw} is not a log level: use one of ${LOG_LEVELS.join(', ')}.`);
  }
  return value as LogLevel;
}

function parseDemoSwitch(raw: string | undefined): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined || value === 'auto' || value === 'on') return true;
  if (value === 'off') return false;
  throw new StartupError(`PUENTE_DEMO=${raw} is not understood: use "auto" (default) or "off".`);
}

function parseSecureCookies(raw: string | undefined): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined || value === '0') return false;
  if (value === '1') return true;
  throw new StartupError(`PUENTE_SECURE_COOKIES=${raw} is not understood: use 1 (behind HTTPS) or 0.`);
}

function parseBaseUrl(raw: string | undefined, port: number): string {
  const value = nonEmpty(raw);
  if (value === undefined) return `http://localhost:${port}`;
  checkUrl(value, ['http:', 'https:'], {
    invalid: `PUENTE_BASE_URL=${value} is not a URL: use the site's public address, e.g. https://puente.example.org`,
    wrongScheme: (got) => `PUENTE_BASE_URL must start with https:// or http:// (got ${got}//).`,
  });
  return value.replace(/\/+$/, '');
}

function parseSmtpUrl(raw: string | undefined): string | null {
  const value = nonEmpty(raw);
  if (value === undefined) return null;
  checkUrl(value, ['smtp:', 'smtps:'], {
    invalid: 'SMTP_URL is not a valid URL: use smtp://USER:PASSWORD@HOST:587 or smtps://…:465, or unset it.',
    wrongScheme: (got) => `SMTP_URL must start with smtp:// or smtps:// (got ${got}//).`,
  });
  return value;
}

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Off by default: without a proxy, X-Forwarded-For is whatever a client wrote, and believing it
 * would let anyone dodge the per-address rate limits. "true" (believe every hop) is refused for
 * the same reason: name the proxies, or count them.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined || value === '0' || value === 'off') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !PROXY_KEYWORDS.includes(e) && !isAddressOrRange(e));
  if (bad === undefined) return entries;
  throw new StartupError(
    `PUENTE_TRUST_PROXY=${raw} is not understood (${JSON.stringify(bad)}): use the number of proxies in front of Puente (e.g. 1), ` +
      `or their addresses or ranges separated by commas (e.g. 127.0.0.1,10.0.0.0/8 or loopback), or 0 for none.`,
  );
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function parseSize(name: string, raw: string | undefined, fallback: number): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  const bytes = parseByteSize(value);
  // Bytes live in the database as bytea, whose values PostgreSQL caps at 1 GB.
  if (bytes === null || bytes > 512 * 1024 ** 2) {
    throw new StartupError(
      `${name}=${value} is not a size Puente accepts: use bytes or KB/MB up to 512MB (e.g. ${name}=2MB).`,
    );
  }
  return bytes;
}

/** A URL-valued variable must parse and use one of the expected schemes; each says how in its own words. */
function checkUrl(
  value: string,
  schemes: string[],
  say: { invalid: string; wrongScheme: (got: string) => string },
): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(say.invalid);
  }
  if (!schemes.includes(url.protocol)) throw new StartupError(say.wrongScheme(url.protocol));
}

function parseWholeNumber(
  name: string,
  raw: string | undefined,
  range: { min: number; max: number; unit: string; fallback: number },
): number {
  const value = nonEmpty(raw);
  if (value === undefined) return range.fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range.min || n > range.max) {
    throw new StartupError(
      `${name}=${value} is not understood: use a whole number of ${range.unit} from ${range.min} to ${range.max} (default ${range.fallback}).`,
    );
  }
  return n;
}

function parseStaleMonths(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return 6;
  const months = Number(value);
  if (!/^\d+$/.test(value) || months < 1 || months > 120) {
    throw new StartupError(
      `PUENTE_FOLLOWUP_STALE_MONTHS=${value} is not understood: use a whole number of months from 1 to 120 (default 6).`,
    );
  }
  return months;
}
