/**
 * Reading an upload form (multipart/form-data) as it streams in, with @fastify/multipart (busboy).
 *
 * - The `_csrf` field must come before the file (it does: browsers send fields in page order and
 *   our forms put it first); it is checked before a single byte of the file is kept.
 * - busboy stops passing file bytes on at the size limit, so at most `maxBytes` are ever held in
 *   memory; the rest of the request is read and dropped so the browser gets our page explaining the
 *   limit, not a reset connection.
 * - Nothing here touches the database: a refused upload stores nothing.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, Forbidden } from '../../platform/errors.js';
import { assertReadableText } from '../../platform/web/readable-input.js';
import type { UploadField, UploadProblem } from './upload-error.js';

export interface ReceivedForm {
  fields: Record<string, string>;
  file: { bytes: Buffer; filename: string } | null;
  /** Why the form cannot be used; null when `file` holds the whole file. */
  problem: UploadProblem | null;
}

const FORM_LIMITS = { files: 1, fields: 8, fieldSize: 4096, parts: 10, headerPairs: 50 };

export async function receiveUploadForm(
  request: FastifyRequest,
  options: {
    field: UploadField | 'file';
    maxBytes: number;
    csrfMatches: (sent: string) => boolean;
    /** Text fields the form has, when more than an upload form's few (a whole form with a file last). */
    maxFields?: number;
  },
): Promise<ReceivedForm> {
  const fields: Record<string, string> = {};
  let file: ReceivedForm['file'] = null;
  let problem: UploadProblem | null = null;
  let csrfChecked = false;
  const checkCsrf = () => {
    csrfChecked = true;
    if (!options.csrfMatches(fields._csrf ?? '')) throw new Forbidden('Invalid or missing CSRF token');
  };

  // throwFileSizeLimit is off (app.tsx): an oversized file is reported as a problem, not thrown.
  const fieldLimits = options.maxFields ? { fields: options.maxFields, parts: options.maxFields + 2 } : {};
  const parts = request.parts({ limits: { ...FORM_LIMITS, ...fieldLimits, fileSize: options.maxBytes } });
  try {
    for await (const part of parts) {
      // Like every form body (platform/web/readable-input.ts): no NUL byte or lone surrogate in a
      // field or file name reaches a service or the database.
      assertReadableText(part.fieldname, 'the upload form');
      if (part.type === 'field') {
        const value = String(part.value);
        assertReadableText(value, 'the upload form');
        if (!csrfChecked) fields[part.fieldname] = value;
        continue;
      }
      assertReadableText(part.filename ?? '', 'the name of the uploaded file');
      if (!csrfChecked) checkCsrf();
      if (part.fieldname !== options.field || file) {
        await drain(part.file);
        problem ??= { code: 'badForm' };
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= options.maxBytes) chunks.push(chunk);
      }
      if (part.file.truncated || size > options.maxBytes) problem = { code: 'tooLarge', limitBytes: options.maxBytes };
      else if (size === 0 && !part.filename) problem ??= { code: 'noFile' };
      else file = { bytes: Buffer.concat(chunks), filename: part.filename || 'upload' };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Only parsing happens in this loop: busboy's limits (too many parts or fields, a second file),
    // a malformed body or a missing boundary all mean this is not our form as a browser sends it.
    // Nothing was checked or stored; the form is shown again with the reason.
    request.log.info({ err: error }, 'upload form could not be read');
    return { fields, file: null, problem: { code: 'badForm' } };
  }
  if (!csrfChecked) checkCsrf();
  if (problem) return { fields, file: null, problem };
  return { fields, file, problem: file ? null : { code: 'noFile' } };
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) {
    // read and dropped
  }
}
