/** `puente serve` / `npm start`: open the database, load the demo into an empty one, listen. */

import { scheduleCleanup } from '../features/accounts/index.js';
import { loadDemoIfEmpty } from '../features/demo/index.js';
import { type OpeningDb, startOpeningDb } from '../platform/db/client.js';
import { StartupError } from '../platform/errors.js';
import { createMailer, mailFrom } from '../platform/mail.js';
import { type OutboxSender, startOutboxSender } from '../platform/outbox/index.js';
import { markStartupPhase, startupPhases } from '../platform/startup-timeline.js';
import { redactUrl } from '../platform/web/auth.js';
import { buildApp } from './app.js';
import { startOpeningServerDb } from './bootstrap.js';
import { type Config, logFormat } from './config.js';

/**
 * `opening`: the database, when the caller started opening it already (src/main.ts does, so PGlite
 * starts while the app's modules load). The app is built and made ready while the database opens;
 * nothing queries it before it is open and migrated.
 */
export async function serve(config: Config, opening: OpeningDb = startOpeningServerDb(config)): Promise<void> {
  // A failure to open is reported once the app is built (below), not as an unhandled rejection meanwhile.
  opening.opened.catch(() => {});
  // A read replica for public pages (platform/db/read-replica.ts); its schema comes by replication, so no migrations.
  const replica = config.databaseReplicaUrl
    ? startOpeningDb({ engine: 'postgres', url: config.databaseReplicaUrl, replicaOf: 'DATABASE_REPLICA_URL' })
    : null;
  replica?.opened.catch(() => {});
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl, mailFrom(config.baseUrl)) : null;
  let cleanup: ReturnType<typeof scheduleCleanup> | undefined;
  let outbox: OutboxSender | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    const stream = logFormat(process.stdout) === 'pretty' ? await prettyLogStream() : undefined;
    app = await buildApp({
      db: opening.db,
      replicaDb: replica?.db ?? null,
      logger: {
        level: config.logLevel,
        serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }) },
        ...(stream ? { stream } : {}),
      },
      secureCookies: config.secureCookies,
      sendsMail: mailer !== null,
      baseUrl: config.baseUrl,
      trustProxy: config.trustProxy,
      uploadLimits: config.uploadLimits,
      followupStaleMonths: config.followupStaleMonths,
      purgeUrl: config.purgeUrl,
    });
    markStartupPhase('app built');
    logStartupPhasesAtFirstAnswer(app);
    // One hook, so the order is certain: a cleanup run in progress and the mail in flight finish before
    // the database closes.
    app.addHook('onClose', async () => {
      await cleanup?.stop();
      await outbox?.stop();
      mailer?.close();
      await opening.opened.then((handle) => handle.close()).catch(() => {});
      await replica?.opened.then((handle) => handle.close()).catch(() => {});
    });
    await app.ready();
    markStartupPhase('app ready');
  } catch (error) {
    // Once built, the app's onClose hooks release the database and the mailer.
    if (app) await app.close().catch(() => {});
    else {
      await opening.opened.then((handle) => handle.close()).catch(() => {});
      mailer?.close();
    }
    throw error;
  }
  const server = app;
  try {
    const handle = await opening.opened;
    server.log.info({ engine: handle.engine, location: handle.location }, 'database ready');
    if (replica) {
      const replicaHandle = await replica.opened;
      server.log.info(
        { location: replicaHandle.location },
        'read replica ready: public pages read from it once it has caught up',
      );
    }
    if (config.loadDemoWhenEmpty) {
      const report = await loadDemoIfEmpty(handle.db);
      if (report) server.log.info({ loaded: report }, 'empty database: loaded the demo coalition');
      markStartupPhase('demo checked');
    }
    await server.listen({ port: config.port, host: config.host });
    markStartupPhase('listening');
    // After listening, so its first run does not hold up the first page.
    cleanup = scheduleCleanup(handle.db, {
      now: () => new Date(),
      onDone: (report) =>
        server.log.info({ deleted: report }, 'cleanup of expired sessions, links and rate-limit counters'),
      onSkipped: () => server.log.debug("cleanup: this hour's run is done already (here or by another instance)"),
      onError: (error) => server.log.error({ err: error }, 'cleanup of expired rows failed'),
    });
    // The outbox's sender: this process's share of the queued mail (platform/outbox/sender.ts).
    if (mailer) {
      outbox = startOutboxSender(handle.db, {
        mailer,
        ratePerSecond: config.mail.ratePerSecond,
        leaseMs: config.mail.leaseSeconds * 1000,
        reclaimAtStart: handle.engine === 'pglite',
        onError: (error) => server.log.error({ err: error }, 'outbox: sending queued mail failed'),
      });
    }
  } catch (error) {
    await server.close().catch(() => {});
    throw listenError(error, config);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    // Finish in-flight requests, then close the database (and release the data-dir lock).
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * Where the start-up time went, to the first answer (`LOG_LEVEL=debug`): each phase's end in ms since the
 * process started. The phases of the database and of the app overlap (see src/main.ts).
 */
function logStartupPhasesAtFirstAnswer(app: Awaited<ReturnType<typeof buildApp>>): void {
  let logged = false;
  app.addHook('onResponse', async (request) => {
    if (logged) return;
    logged = true;
    markStartupPhase('first answer');
    request.log.debug({ phases: startupPhases() }, 'start-up phases (ms since the process started)');
  });
}

/**
 * pino-pretty as a stream in this process, not a pino transport: transports load a module by name in a
 * worker thread, which the esbuild bundle in dist/ cannot promise. Loaded only for a terminal.
 * Synchronous, so nothing is lost when the process exits right after a line.
 */
async function prettyLogStream() {
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    colorize: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    sync: true,
  });
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
