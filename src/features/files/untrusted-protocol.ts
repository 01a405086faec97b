/** What the server's thread and the untrusted-file worker say to each other (untrusted.ts). */
import type { UploadField, UploadProblem } from './upload-error.js';

export type UntrustedKind = 'svg' | 'pdf' | 'docx' | 'docxHtml';

export interface UntrustedTask {
  kind: UntrustedKind;
  bytes: Uint8Array;
}

export type UntrustedReply =
  | { ok: true; value: Uint8Array | string | null }
  | { ok: false; field: UploadField; problem: UploadProblem }
  | { ok: false; error: string };
