/**
 * Several `puente serve` processes on one PostgreSQL database, as an operator runs them behind a
 * load balancer: real processes that share nothing but the database. `app.inject` here speaks HTTP
 * to them in turn (request 1 to the first, request 2 to the second, …), so the test helpers written
 * for `app.inject` (`Visitor`, `signedIn`) drive them unchanged. The servers trust 127.0.0.1 as their
 * proxy, so each visitor's `remoteAddress` reaches them as its own client address (X-Forwarded-For).
 */
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { openDb } from '../../src/platform/db/client.js';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';
import { createMigratedPostgresDatabase } from './db.js';
import { type RunningServer, startServer } from './processes.js';

export interface Instances {
  /** The test's own connection to the servers' database, to set up accounts and read results. */
  handle: Awaited<ReturnType<typeof openDb>>;
  servers: RunningServer[];
  /** Like `app.inject`, over HTTP, each call to the next server in turn. */
  app: Pick<FastifyTypeBox, 'inject'>;
  /** Like `app.inject`, over HTTP, every call to server `index` (to show what one instance did reaches another). */
  appOf(index: number): Pick<FastifyTypeBox, 'inject'>;
  /** Stops the servers (each must exit cleanly) and drops the database. */
  stop(): Promise<void>;
}

/** `env`: more settings for every server (LOG_LEVEL=debug to read what each one did). */
export async function startInstances(count: number, env: Record<string, string> = {}): Promise<Instances> {
  // Migrated before any server starts, so the servers only find the schema up to date.
  const database = await createMigratedPostgresDatabase();
  const handle = await openDb({ engine: 'postgres', url: database.url, maxConnections: 4 });
  const serverEnv = { DATABASE_URL: database.url, PUENTE_DEMO: 'off', PUENTE_TRUST_PROXY: '127.0.0.1', ...env };
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer(serverEnv)));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    const exits = await Promise.all(servers.map((s) => s.stop()));
    await handle.close();
    await database.drop();
    const failed = exits.find((e) => e.code !== 0);
    if (failed) throw new Error(`a server did not exit cleanly (${failed.code}): ${failed.stderr}`);
  };
  const failure = started.find((s) => s.status === 'rejected');
  if (failure) {
    await stop().catch(() => {});
    throw failure.reason;
  }
  const injectTo =
    (server: RunningServer) =>
    async (options: InjectOptions): Promise<Response> => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        if (value !== undefined) headers.set(name, String(value));
      }
      if (options.remoteAddress) headers.set('x-forwarded-for', options.remoteAddress);
      const answer = await fetch(`${server.baseUrl}${options.url}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.payload as string | undefined,
        redirect: 'manual',
      });
      return asInjectResponse(answer.status, answer.headers, await answer.text());
    };
  let next = 0;
  const inject = (options: InjectOptions) => injectTo(servers[next++ % servers.length]!)(options);
  const asApp = (fn: (options: InjectOptions) => Promise<Response>) => ({
    inject: fn as unknown as FastifyTypeBox['inject'],
  });
  return { handle, servers, app: asApp(inject), appOf: (index) => asApp(injectTo(servers[index]!)), stop };
}

/** The parts of light-my-request's Response the tests read: status, headers, body and parsed cookies. */
function asInjectResponse(statusCode: number, headers: Headers, body: string): Response {
  const cookies = headers.getSetCookie().map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const cookie: { name: string; value: string; maxAge?: number; expires?: Date } = {
      name: pair.slice(0, at),
      value: decodeURIComponent(pair.slice(at + 1)),
    };
    for (const attribute of attributes) {
      const [key = '', value = ''] = attribute.split('=');
      if (key.toLowerCase() === 'max-age') cookie.maxAge = Number(value);
      if (key.toLowerCase() === 'expires') cookie.expires = new Date(value);
    }
    return cookie;
  });
  const flat = Object.fromEntries(headers.entries());
  return { statusCode, headers: flat, body, payload: body, cookies } as unknown as Response;
}
