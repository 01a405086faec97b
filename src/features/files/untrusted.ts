/**
 * Untrusted files (SVG logos, PDF and DOCX documents, and the DOCX the importer reads) are parsed in
 * a worker thread, never on the server's own: a hostile file costs one worker, not the server. Each
 * worker has a memory limit (V8's `resourceLimits`: past it the worker dies, not the process) and
 * each task a time limit (past it the worker is terminated); both end as a `tooComplex` refusal.
 * What a file may unpack to is capped inside the worker too (zip.ts, pdf-actions.ts), so a bomb is
 * refused at the cap. The web uploads, the web import and `puente import` all come through here.
 *
 * Workers are reused (jsdom and pdf.js load once, not per upload), at most MAX_WORKERS at once
 * (further tasks wait their turn), and end after IDLE_MS without work; an idle worker never keeps
 * a CLI process alive. The worker's entry is untrusted-worker.ts, built by scripts/build.js as
 * dist/untrusted-worker.js (`npm start`, `puente`); from the sources (tests, `npm run dev`) it is
 * compiled the same way on first use (see compiledFromSources).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { fromPackageRoot } from '../../platform/package-root.js';
import type { UntrustedKind, UntrustedReply, UntrustedTask } from './untrusted-protocol.js';
import { type UploadField, UploadRejected } from './upload-error.js';

/**
 * The worker's whole heap, jsdom or pdf.js included: well above what real files need (the demo's PDF
 * and DOCX, a 400-path SVG logo; pdf.js reads the demo PDF within 48 MB), far less than a server can spare.
 */
const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
const TIME_LIMIT_MS = 10_000;
/**
 * A new worker's first task also pays for the worker's start and its reader's load (jsdom, pdf.js, mammoth):
 * about a second alone, many more on a busy server, where a plain logo was refused as too complex. Extra time
 * for that one task, not for the file: a hostile file still ends at TIME_LIMIT_MS on a warm worker.
 */
const FIRST_TASK_ALLOWANCE_MS = 20_000;
const MAX_WORKERS = 2;
const IDLE_MS = 30_000;

interface Job {
  /** The worker's entry: dist/untrusted-worker.js, or its build from the sources. */
  file: string;
  task: UntrustedTask;
  field: UploadField;
  resolve: (value: Uint8Array | string | null) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  /** What the worker reads: a worker reads one kind, so it loads jsdom or pdf.js or mammoth, never all three. */
  reads: Reader;
  worker: Worker;
  /** No task has finished here yet: the next one may also be waiting for the worker to load. */
  cold: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

type Reader = 'svg' | 'pdf' | 'docx';
const READER: Record<UntrustedKind, Reader> = { svg: 'svg', pdf: 'pdf', docx: 'docx', docxHtml: 'docx' };
const slots = new Set<Slot>();
const waiting: Job[] = [];

/** The sanitized SVG. Throws `UploadRejected` (in the worker's words) when refused. */
export async function sanitizeSvgIsolated(bytes: Uint8Array): Promise<Buffer> {
  const value = await run({ kind: 'svg', bytes }, 'logo');
  return Buffer.from(value as Uint8Array);
}

export async function checkPdfIsolated(bytes: Uint8Array): Promise<void> {
  await run({ kind: 'pdf', bytes }, 'document');
}

export async function checkDocxIsolated(bytes: Uint8Array): Promise<void> {
  await run({ kind: 'docx', bytes }, 'document');
}

/** A DOCX as HTML (mammoth), for the importer; throws `UploadRejected` (field `document`) when refused. */
export async function docxHtmlIsolated(bytes: Uint8Array): Promise<string> {
  return (await run({ kind: 'docxHtml', bytes }, 'document')) as string;
}

let workerFile: Promise<string> | null = null;

async function run(task: UntrustedTask, field: UploadField): Promise<Uint8Array | string | null> {
  workerFile ??= import.meta.url.endsWith('.ts')
    ? compiledFromSources()
    : Promise.resolve(fromPackageRoot('dist', 'untrusted-worker.js'));
  const file = await workerFile;
  return new Promise((resolve, reject) => {
    // A copy: the caller keeps its bytes, and the copy's buffer moves to the worker without a second copy.
    const bytes = new Uint8Array(task.bytes);
    waiting.push({ file, task: { kind: task.kind, bytes }, field, resolve, reject });
    next();
  });
}

let pumping = false;

/** Starts what waits, as far as workers allow (re-entered through end(): the outer call carries on). */
function next(): void {
  if (pumping) return;
  pumping = true;
  try {
    pump();
  } finally {
    pumping = false;
  }
}

function pump(): void {
  for (const job of [...waiting]) {
    const reads = READER[job.task.kind];
    const idle = [...slots].filter((s) => s.job === null);
    let slot = idle.find((s) => s.reads === reads);
    if (!slot) {
      // An idle worker of another kind makes room; a busy one is left to finish.
      if (slots.size >= MAX_WORKERS && idle[0]) end(idle[0], () => {});
      if (slots.size >= MAX_WORKERS) continue;
      slot = spawn(reads, job.file);
    }
    waiting.splice(waiting.indexOf(job), 1);
    start(slot, job);
  }
}

function start(slot: Slot, job: Job): void {
  slot.job = job;
  if (slot.timer) clearTimeout(slot.timer);
  slot.worker.ref();
  const limit = TIME_LIMIT_MS + (slot.cold ? FIRST_TASK_ALLOWANCE_MS : 0);
  slot.timer = setTimeout(() => {
    end(slot, (j) => j.reject(new UploadRejected(j.field, { code: 'tooComplex' })));
  }, limit);
  slot.worker.postMessage(job.task, [job.task.bytes.buffer as ArrayBuffer]);
}

/** The task is done: settle it, and keep the worker for the next one. */
function done(slot: Slot, reply: UntrustedReply): void {
  const job = slot.job;
  if (!job) return;
  slot.job = null;
  slot.cold = false;
  if (slot.timer) clearTimeout(slot.timer);
  slot.worker.unref();
  slot.timer = setTimeout(() => end(slot, () => {}), IDLE_MS).unref();
  if (reply.ok) job.resolve(reply.value);
  else if ('problem' in reply) job.reject(new UploadRejected(job.field, reply.problem));
  else job.reject(new Error(`untrusted-file worker: ${reply.error}`));
  next();
}

/** The worker is finished (time limit, idle, or it died): terminate it and settle its task, if any. */
function end(slot: Slot, settle: (job: Job) => void): void {
  if (!slots.delete(slot)) return;
  if (slot.timer) clearTimeout(slot.timer);
  const job = slot.job;
  slot.job = null;
  void slot.worker.terminate();
  if (job) settle(job);
  next();
}

function spawn(reads: Reader, file: string): Slot {
  const worker = new Worker(file, { resourceLimits: RESOURCE_LIMITS, execArgv: [] });
  const slot: Slot = { reads, worker, cold: true, job: null, timer: null };
  slots.add(slot);
  worker.on('message', (reply: UntrustedReply) => done(slot, reply));
  worker.on('error', (error: Error & { code?: string }) => {
    // Past its memory limit V8 stops the worker: that file was too much to read, whatever it was.
    const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    end(slot, (job) => job.reject(outOfMemory ? new UploadRejected(job.field, { code: 'tooComplex' }) : error));
  });
  worker.on('exit', () => end(slot, (job) => job.reject(new UploadRejected(job.field, { code: 'tooComplex' }))));
  return slot;
}

/**
 * From the sources, the worker's entry is bundled by esbuild as scripts/build.js bundles it for dist/
 * (packages stay imports), once per process, into node_modules/.cache/puente/ (so those imports resolve).
 * A worker thread does not inherit tsx's loader, and registering it in each worker costs seconds and
 * ~100 MB before the first file is read.
 */
async function compiledFromSources(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./untrusted-worker.ts', import.meta.url))],
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    write: false,
    logLevel: 'error',
  });
  const file = fromPackageRoot('node_modules', '.cache', 'puente', 'untrusted-worker.mjs');
  // Written whole, then renamed: processes starting workers at the same moment see one file or the other.
  const temporary = `${file}.${process.pid}.tmp`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(temporary, result.outputFiles[0]!.contents);
  renameSync(temporary, file);
  return file;
}
