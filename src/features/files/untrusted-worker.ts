/**
 * The untrusted-file worker's entry (see untrusted.ts): one task at a time, each answered with its
 * result, the refusal (an `UploadRejected` as data) or the unexpected error's message. Built as its
 * own entry point (dist/untrusted-worker.js, scripts/build.js).
 */
import { parentPort } from 'node:worker_threads';
import { checkDocx, docxHtml } from './docx.js';
import { checkPdf } from './pdf.js';
import { sanitizeSvg } from './svg.js';
import type { UntrustedReply, UntrustedTask } from './untrusted-protocol.js';
import { UploadRejected } from './upload-error.js';

async function perform(task: UntrustedTask): Promise<Uint8Array | string | null> {
  switch (task.kind) {
    case 'svg':
      return sanitizeSvg(task.bytes);
    case 'pdf':
      await checkPdf(task.bytes);
      return null;
    case 'docx':
      await checkDocx(task.bytes);
      return null;
    case 'docxHtml':
      return docxHtml(task.bytes);
  }
}

const port = parentPort;
if (!port) throw new Error('untrusted-worker.ts runs only as a worker thread');
port.on('message', async (task: UntrustedTask) => {
  let reply: UntrustedReply;
  try {
    reply = { ok: true, value: await perform(task) };
  } catch (error) {
    reply =
      error instanceof UploadRejected
        ? { ok: false, field: error.field, problem: error.problem }
        : { ok: false, error: (error as Error)?.message ?? String(error) };
  }
  port.postMessage(reply);
});
