/**
 * The HTTP bench's baseline (bench/http.bench.ts): a Fastify server that answers each page's path with
 * the very bytes, status and content type Puente answered, from memory. What it serves is the
 * ceiling for this machine, load generator and framework; for the PDF it is the "static file" of the
 * same size. Run as its own process, like the server it is compared with:
 *
 *   node --import tsx bench/trivial-server.ts PAGES.json PORT
 *
 * PAGES.json: { "<path>": { "status": 200, "contentType": "…", "body": "<base64>" } }.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

export interface RecordedPage {
  status: number;
  contentType: string;
  /** base64, so PDF and DOCX bytes survive JSON. */
  body: string;
}

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: trivial-server.ts PAGES.json PORT');
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, RecordedPage>;
const pages = new Map(
  Object.entries(recorded).map(([path, page]) => [
    path,
    { ...page, bytes: Buffer.from(page.body, 'base64') } as RecordedPage & { bytes: Buffer },
  ]),
);

const app = Fastify({ logger: false });
app.get('/*', (request, reply) => {
  const page = pages.get(request.url);
  if (!page) return reply.code(500).send('not a recorded page');
  return reply.code(page.status).type(page.contentType).send(page.bytes);
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
