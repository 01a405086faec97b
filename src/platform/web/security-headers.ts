/**
 * The security headers of every answer (CSP, frame and referrer policies…), as helmet computes them,
 * computed once at start and set by one hook. @fastify/helmet built helmet's whole middleware again for
 * every request (~20 µs: a large share of a 404's cost); the headers never vary by request here (no
 * nonces: the CSP allows scripts and styles from 'self' only), so one precomputed set is the same answer.
 */
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyTypeBox } from './fastify-typebox.js';

/** The headers helmet sets for these options, by running its middleware once against a recorder. */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export function registerSecurityHeaders(app: FastifyTypeBox, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
