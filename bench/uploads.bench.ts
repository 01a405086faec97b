/**
 * Checking uploads by content: what each accepted type costs, cold (the first SVG loads jsdom and
 * DOMPurify, the first PDF loads pdf.js) and warm, against the PNG check (magic bytes and chunk
 * layout only) as the baseline; and serving a 1 MB document from the database against the
 * stylesheet (a file served from memory), and storing 1 MB. Realistic inputs: the demo release's own PDF and DOCX,
 * and a logo-sized SVG of 400 paths.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import { inspectUpload, storeFile } from '../src/features/files/index.js';
import { buildRenderModel, getRelease, writeFormat } from '../src/features/releases/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as t from '../src/platform/db/schema/index.js';
import { registeredRoutes } from '../src/platform/web/route-table.js';
import { cleanSvg, tinyPng } from '../test/support/files.js';

const ITERATIONS = 20;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) times.push(await timed(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function logoSvg(paths: number): Buffer {
  const body = Array.from(
    { length: paths },
    (_, i) =>
      `<path d="M${i % 97} ${i % 89}l${(i * 7) % 13} ${(i * 5) % 11}h3v4z" fill="#${(i * 2654435761).toString(16).slice(-6).padStart(6, '0')}"/>`,
  ).join('');
  return Buffer.from(cleanSvg.replace('</svg>', `<g>${body}</g></svg>`));
}

export async function benchUploads(): Promise<void> {
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  try {
    await runMigrations(handle);
    await loadDemo(handle.db);
    const model = buildRenderModel(await getRelease(handle.db, 'guatemala-vp-visit-2021', new Date()), 'es');
    const pdf = Buffer.from(await writeFormat(model, 'pdf'));
    const docx = Buffer.from(await writeFormat(model, 'docx'));
    const svg = logoSvg(400);
    const png = tinyPng();

    const coldSvg = await timed(() => inspectUpload('logo', svg));
    const coldPdf = await timed(() => inspectUpload('document', pdf));
    const rows: [string, number, number][] = [
      ['PNG logo (baseline)', png.length, await median(() => inspectUpload('logo', png))],
      ['SVG logo, 400 paths', svg.length, await median(() => inspectUpload('logo', svg))],
      ['PDF (demo release)', pdf.length, await median(() => inspectUpload('document', pdf))],
      ['DOCX (demo release)', docx.length, await median(() => inspectUpload('document', docx))],
    ];
    const base = rows[0]![2];
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    console.log(`upload checks (median of ${ITERATIONS}, warm):`);
    for (const [name, size, time] of rows) {
      console.log(
        `  ${name.padEnd(22)} ${String(size).padStart(8)} B  ${ms(time).padStart(10)}  ${(time / base).toFixed(0)}× PNG`,
      );
    }
    console.log(`  first SVG (loads jsdom + DOMPurify) ${ms(coldSvg)}; first PDF (loads pdf.js) ${ms(coldPdf)}`);

    // Serving: 1 MB of bytes from the files table, against the stylesheet from memory.
    const big = Buffer.concat([png, Buffer.alloc(1024 * 1024 - png.length)]);
    const sha = await storeFile(
      handle.db,
      { mediaType: 'image/png', bytes: big, originalName: 'big.png' },
      null,
      new Date(),
    );
    const [org] = await handle.db.select().from(t.organizations).limit(1);
    await handle.db.insert(t.organizationLogos).values({ organizationId: org!.id, fileSha256: sha, setAt: new Date() });
    let n = 0;
    const store = await median(() => {
      n += 1;
      const bytes = Buffer.from(big);
      bytes.writeUInt32BE(n, 100); // a new file each time: the same bytes would be deduplicated
      return storeFile(handle.db, { mediaType: 'image/png', bytes, originalName: 'x.png' }, null, new Date());
    });
    console.log(`  store 1 MB (insert as base64, decoded by the database) ${ms(store)}`);
    const app = await buildApp({ db: handle.db });
    await app.ready();
    const stylesheet = registeredRoutes(app).find((r) => r.url.startsWith('/assets/style.'))!.url;
    const file = await median(() => app.inject({ url: `/files/${sha}` }));
    const css = await median(() => app.inject({ url: stylesheet }));
    console.log(`  GET /files/<sha> 1 MB ${ms(file)} vs the stylesheet ${ms(css)} (${(file / css).toFixed(1)}×)`);
    await app.close();
  } finally {
    await handle.close();
  }
}
