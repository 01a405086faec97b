/**
 * Who is looking at a page, as the page frame needs it: a display label and the sign-out form's
 * CSRF token, or nothing for anonymous visitors. Set by the accounts feature when it finds the
 * session; read by pageContext, so lib/ does not depend on features/. Anonymous pages stay the same
 * for every visitor (cacheable); signed-in answers are `private, no-store` (platform/web/auth.ts).
 */
import type { FastifyRequest } from 'fastify';

export interface Viewer {
  label: string;
  csrf: string;
}

const viewers = new WeakMap<FastifyRequest, Viewer>();

export function setViewer(request: FastifyRequest, viewer: Viewer): void {
  viewers.set(request, viewer);
}

export function viewerOf(request: FastifyRequest): Viewer | null {
  return viewers.get(request) ?? null;
}
