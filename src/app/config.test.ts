import { describe, expect, it } from 'vitest';
import { redactDatabaseUrl } from '../platform/db/client.js';
import { StartupError } from '../platform/errors.js';
import { loadConfig, logFormat } from './config.js';

describe('loadConfig', () => {
  it('has defaults that work on a fresh checkout', () => {
    expect(loadConfig({}, '/srv/puente')).toEqual({
      port: 3000,
      host: 'localhost',
      dataDir: '/srv/puente/data',
      databaseUrl: null,
      databaseReplicaUrl: null,
      logLevel: 'info',
      loadDemoWhenEmpty: true,
      secureCookies: false,
      baseUrl: 'http://localhost:3000',
      smtpUrl: null,
      mail: { ratePerSecond: 10, leaseSeconds: 120 },
      trustProxy: false,
      uploadLimits: { logoBytes: 1048576, documentBytes: 20971520 },
      followupStaleMonths: 6,
      purgeUrl: null,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        PUENTE_DATA_DIR: '/var/lib/puente',
        DATABASE_URL: 'postgres://u:p@db:5432/puente',
        DATABASE_REPLICA_URL: 'postgres://u:p@replica:5432/puente',
        LOG_LEVEL: 'WARN',
        PUENTE_DEMO: 'off',
        PUENTE_SECURE_COOKIES: '1',
        PUENTE_BASE_URL: 'https://puente.example.org/',
        SMTP_URL: 'smtps://mailer:pw@mail.example.org:465',
        PUENTE_TRUST_PROXY: '1',
        PUENTE_MAIL_RATE: '25',
        PUENTE_MAIL_LEASE_SECONDS: '30',
        PUENTE_LOGO_MAX_BYTES: '512K',
        PUENTE_DOCUMENT_MAX_BYTES: '1.5 MB',
        PUENTE_FOLLOWUP_STALE_MONTHS: '3',
        PUENTE_PURGE_URL: 'http://127.0.0.1:6081/purge',
      },
      '/x',
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/puente',
      databaseUrl: 'postgres://u:p@db:5432/puente',
      databaseReplicaUrl: 'postgres://u:p@replica:5432/puente',
      logLevel: 'warn',
      loadDemoWhenEmpty: false,
      secureCookies: true,
      baseUrl: 'https://puente.example.org',
      smtpUrl: 'smtps://mailer:pw@mail.example.org:465',
      mail: { ratePerSecond: 25, leaseSeconds: 30 },
      trustProxy: 1,
      uploadLimits: { logoBytes: 524288, documentBytes: 1572864 },
      followupStaleMonths: 3,
      purgeUrl: 'http://127.0.0.1:6081/purge',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT=eighty is not a port number/],
    [{ PORT: '70000' }, /PORT=70000/],
    [
      { PUENTE_MAIL_RATE: '0' },
      /PUENTE_MAIL_RATE=0 is not understood: use a whole number of messages per second from 1/,
    ],
    [
      { PUENTE_LOGO_MAX_BYTES: 'huge' },
      /PUENTE_LOGO_MAX_BYTES=huge is not a size .*\(e\.g\. PUENTE_LOGO_MAX_BYTES=2MB/,
    ],
    [{ PUENTE_DOCUMENT_MAX_BYTES: '2GB' }, /PUENTE_DOCUMENT_MAX_BYTES=2GB/],
    [{ PUENTE_DOCUMENT_MAX_BYTES: '0' }, /PUENTE_DOCUMENT_MAX_BYTES=0/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL=verbose is not a log level: use one of fatal, error, warn, info, debug/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_REPLICA_URL: 'postgres://replica/puente' }, /DATABASE_REPLICA_URL is set without DATABASE_URL/],
    [
      { DATABASE_URL: 'postgres://db/puente', DATABASE_REPLICA_URL: 'mysql://replica/db' },
      /DATABASE_REPLICA_URL must start with postgres:\/\//,
    ],
    [{ PUENTE_PURGE_URL: 'varnish' }, /PUENTE_PURGE_URL=varnish is not a URL/],
    [{ PUENTE_PURGE_URL: 'ftp://cdn/purge' }, /PUENTE_PURGE_URL must start with https:\/\/ or http:\/\//],
    [{ PUENTE_DEMO: 'maybe' }, /PUENTE_DEMO=maybe/],
    [{ PUENTE_SECURE_COOKIES: 'yes' }, /PUENTE_SECURE_COOKIES=yes is not understood: use 1/],
    [{ PUENTE_BASE_URL: 'ftp://x' }, /PUENTE_BASE_URL must start with https:\/\//],
    [{ PUENTE_BASE_URL: 'puente' }, /PUENTE_BASE_URL=puente is not a URL/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: 'nope' }, /SMTP_URL is not a valid URL/],
    [{ PUENTE_TRUST_PROXY: 'true' }, /PUENTE_TRUST_PROXY=true is not understood \("true"\): use the number of proxies/],
    [{ PUENTE_TRUST_PROXY: '10.0.0.0/33' }, /PUENTE_TRUST_PROXY=10.0.0.0\/33 is not understood/],
    [{ PUENTE_TRUST_PROXY: '127.0.0.1,proxy.local' }, /\("proxy.local"\)/],
    [{ PUENTE_TRUST_PROXY: '99' }, /PUENTE_TRUST_PROXY=99 is not understood/],
    [{ PUENTE_FOLLOWUP_STALE_MONTHS: '0' }, /PUENTE_FOLLOWUP_STALE_MONTHS=0 is not understood: use a whole number/],
    [{ PUENTE_FOLLOWUP_STALE_MONTHS: 'six' }, /PUENTE_FOLLOWUP_STALE_MONTHS=six/],
  ])('rejects %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(StartupError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('PUENTE_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['0', false],
    ['off', false],
    ['2', 2],
    ['loopback', ['loopback']],
    ['127.0.0.1, 10.0.0.0/8,::1,fd00::/8', ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']],
  ])('reads %s as %o', (raw, expected) => {
    expect(loadConfig(raw === undefined ? {} : { PUENTE_TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });
});

describe('logFormat: readable lines for a person, JSON for machines', () => {
  it('is pretty when stdout is a terminal', () => {
    expect(logFormat({ isTTY: true }, {})).toBe('pretty');
    expect(logFormat({ isTTY: true }, { NODE_ENV: 'development' })).toBe('pretty');
  });

  it('is JSON when stdout is piped or a file', () => {
    expect(logFormat({ isTTY: false }, {})).toBe('json');
    expect(logFormat({}, {})).toBe('json');
  });

  it('is JSON in production and in tests, even at a terminal', () => {
    expect(logFormat({ isTTY: true }, { NODE_ENV: 'production' })).toBe('json');
    expect(logFormat({ isTTY: true }, { NODE_ENV: 'test' })).toBe('json');
  });
});

describe('redactDatabaseUrl', () => {
  it('never shows the password', () => {
    expect(redactDatabaseUrl('postgres://puente:s3cret@db/puente')).toBe('postgres://puente:***@db/puente');
  });
});
