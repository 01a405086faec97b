import * as cheerio from 'cheerio';
import { buildApp } from '../../src/app/app.js';
import type { Db } from '../../src/platform/db/client.js';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';

export function createTestApp(db: Db, now?: () => Date): Promise<FastifyTypeBox> {
  return buildApp(now ? { db, now } : { db });
}

/** GET a page and parse it, for assertions about what a reader sees. */
export async function getPage(app: FastifyTypeBox, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers });
  return { response, status: response.statusCode, $: cheerio.load(response.body) };
}
