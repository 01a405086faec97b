import { describe, expect, it } from 'vitest';
import { loadConfig, redactDatabaseUrl } from './config.js';
import { StartupError } from './lib/errors.js';

describe('loadConfig', () => {
  it('has defaults that work on a fresh checkout', () => {
    expect(loadConfig({}, '/srv/puente')).toEqual({
      port: 3000,
      host: 'localhost',
      dataDir: '/srv/puente/data',
      databaseUrl: null,
      logLevel: 'info',
      loadDemoWhenEmpty: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        PUENTE_DATA_DIR: '/var/lib/puente',
        DATABASE_URL: 'postgres://u:p@db:5432/puente',
        LOG_LEVEL: 'WARN',
        PUENTE_DEMO: 'off',
      },
      '/x',
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/puente',
      databaseUrl: 'postgres://u:p@db:5432/puente',
      logLevel: 'warn',
      loadDemoWhenEmpty: false,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT=eighty is not a port number/],
    [{ PORT: '70000' }, /PORT=70000/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL=verbose is not a log level: use one of fatal, error, warn, info, debug/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ PUENTE_DEMO: 'maybe' }, /PUENTE_DEMO=maybe/],
  ])('rejects %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(StartupError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('redactDatabaseUrl', () => {
  it('never shows the password', () => {
    expect(redactDatabaseUrl('postgres://puente:s3cret@db/puente')).toBe('postgres://puente:***@db/puente');
  });
});
