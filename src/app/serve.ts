/** `puente serve` / `npm start`: open the database, load the demo into an empty one, listen. */

import { scheduleCleanup } from '../features/accounts/index.js';
import { loadDemoIfEmpty } from '../features/demo/index.js';
import type { DbHandle } from '../platform/db/client.js';
import { StartupError } from '../platform/errors.js';
import { createMailer, mailFrom } from '../platform/mail.js';
import { redactUrl } from '../platform/web/auth.js';
import { buildApp } from './app.js';
import { openServerDb } from './bootstrap.js';
import type { Config } from './config.js';

/**
 * `opening`: the database, when the caller started opening it already (src/main.ts does, so PGlite
 * starts while the app's modules load).
 */
export async function serve(config: Config, opening?: Promise<DbHandle>): Promise<void> {
  const handle = await (opening ?? openServerDb(config));
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl, mailFrom(config.baseUrl)) : null;
  const app = await buildApp({
    db: handle.db,
    logger: {
      level: config.logLevel,
      serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }) },
    },
    secureCookies: config.secureCookies,
    mailer,
    baseUrl: config.baseUrl,
    trustProxy: config.trustProxy,
    uploadLimits: config.uploadLimits,
    followupStaleMonths: config.followupStaleMonths,
  });
  const cleanup = scheduleCleanup(handle.db, {
    now: () => new Date(),
    onDone: (report) => app.log.info({ deleted: report }, 'cleanup of expired sessions, links and rate-limit counters'),
    onError: (error) => app.log.error({ err: error }, 'cleanup of expired rows failed'),
  });
  app.addHook('onClose', async () => mailer?.close());
  // One hook, so the order is certain: a cleanup run in progress finishes before the database closes.
  app.addHook('onClose', async () => {
    await cleanup.stop();
    await handle.close();
  });
  try {
    app.log.info({ engine: handle.engine, location: handle.location }, 'database ready');
    if (config.loadDemoWhenEmpty) {
      const report = await loadDemoIfEmpty(handle.db);
      if (report) app.log.info({ loaded: report }, 'empty database: loaded the demo coalition');
    }
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => {});
    throw listenError(error, config);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Finish in-flight requests, then close the database (and release the data-dir lock).
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

function listenError(error: unknown, config: Config): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `Port ${config.port} on ${config.host} is already in use: stop the program using it, or start Puente on another port (e.g. PORT=3001).`,
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new StartupError(`Not allowed to listen on port ${config.port}: use a port above 1023 (e.g. PORT=3000).`, {
      cause: error,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL') {
    return new StartupError(
      `HOST=${config.host} is not an address of this machine: use localhost, 0.0.0.0 or one of its addresses.`,
      {
        cause: error,
      },
    );
  }
  return error;
}
