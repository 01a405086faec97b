/** Shared start-up steps for the server and the CLI: config → database → migrations. */

import { type DbHandle, type OpeningDb, startOpeningDb } from '../platform/db/client.js';
import { runMigrations } from '../platform/db/migrate.js';
import { StartupError } from '../platform/errors.js';
import { markStartupPhase } from '../platform/startup-timeline.js';
import { type Config, loadConfig } from './config.js';

export async function openConfiguredDb(config: Config, command: string): Promise<DbHandle> {
  return startOpeningConfiguredDb(config, command).opened;
}

/** Opens the configured database and brings it up to date; `db` may be handed out before that ends. */
function startOpeningConfiguredDb(config: Config, command: string): OpeningDb {
  const { db, opened } = config.databaseUrl
    ? startOpeningDb({ engine: 'postgres', url: config.databaseUrl })
    : startOpeningDb({ engine: 'pglite', dataDir: config.dataDir, command });
  return {
    db,
    opened: opened.then((handle) => {
      markStartupPhase('database open');
      return migrated(handle);
    }),
  };
}

async function migrated(handle: DbHandle): Promise<DbHandle> {
  try {
    await runMigrations(handle);
    markStartupPhase('migrations checked');
  } catch (error) {
    await handle.close().catch(() => {});
    throw new StartupError(
      `Could not bring the database at ${handle.location} up to date (${(error as Error).message}): check that this user may create tables there.`,
      { cause: error },
    );
  }
  return handle;
}

/** The server's database (named in the lock file, so a second process says who holds it). */
export function startOpeningServerDb(config: Config): OpeningDb {
  return startOpeningConfiguredDb(config, `puente serve (port ${config.port})`);
}

/**
 * Runs a command and turns failure into one line on stderr and exit code 1. The stack trace is
 * only printed with LOG_LEVEL=debug (or trace): operators need the fix, developers the trace.
 */
export async function runOrExit(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const verbose = ['debug', 'trace'].includes((process.env.LOG_LEVEL ?? '').toLowerCase());
    const message =
      error instanceof StartupError
        ? error.message
        : `unexpected error: ${(error as Error)?.message ?? String(error)} (run with LOG_LEVEL=debug for details)`;
    if (verbose) console.error(error);
    // Exit only once the line is written: stderr is asynchronous when it is a pipe.
    process.stderr.write(`puente: ${message}\n`, () => process.exit(1));
  }
}

export { loadConfig };
