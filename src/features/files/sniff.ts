/**
 * What an upload is, decided by its bytes alone: the file name and the browser's declared type are
 * never consulted. Magic numbers come from `file-type` (a maintained table of several hundred
 * formats, so a refusal can say what the file actually is); then each accepted format is opened far
 * enough to trust it (svg.ts, pdf.ts, docx.ts, in the untrusted-file worker of untrusted.ts; and the
 * PNG/JPEG structure checks below, which only read a few bytes).
 */
import { fileTypeFromBuffer } from 'file-type';
import type { FileMediaType } from '../../platform/db/schema/files.js';
import { looksLikeSvg } from './svg.js';
import { checkDocxIsolated, checkPdfIsolated, sanitizeSvgIsolated } from './untrusted.js';
import { type UploadField, UploadRejected } from './upload-error.js';

export interface InspectedFile {
  mediaType: FileMediaType;
  /** What will be stored and served: for an SVG, the sanitized text; otherwise the bytes as uploaded. */
  bytes: Buffer;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function inspectUpload(field: UploadField, bytes: Buffer): Promise<InspectedFile> {
  if (bytes.length === 0) throw new UploadRejected(field, { code: 'empty' });
  const detected = await fileTypeFromBuffer(bytes);
  const found = detected ? detected.ext.toUpperCase() : null;
  if (field === 'logo') {
    if (detected?.mime === 'image/png') return { mediaType: 'image/png', bytes: checkPng(bytes) };
    if (detected?.mime === 'image/jpeg') return { mediaType: 'image/jpeg', bytes: checkJpeg(bytes) };
    // SVG is text: file-type finds nothing, or "xml" when there is an XML declaration.
    if ((!detected || detected.ext === 'xml') && looksLikeSvg(bytes))
      return { mediaType: 'image/svg+xml', bytes: await sanitizeSvgIsolated(bytes) };
    throw new UploadRejected(field, { code: 'wrongType', found });
  }
  if (detected?.mime === 'application/pdf') {
    await checkPdfIsolated(bytes);
    return { mediaType: 'application/pdf', bytes };
  }
  // A DOCX is a ZIP: file-type names it "docx" only when it sees Word's parts early in the archive,
  // so any ZIP is opened and judged by checkDocx.
  if (detected?.ext === 'docx' || detected?.ext === 'zip') {
    await checkDocxIsolated(bytes);
    return { mediaType: DOCX_TYPE, bytes };
  }
  throw new UploadRejected(field, { code: 'wrongType', found });
}

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A PNG starts with its IHDR chunk and ends with IEND: anything else is cut short or not a PNG. */
function checkPng(bytes: Buffer): Buffer {
  const ihdr = bytes.length >= 33 && bytes.readUInt32BE(8) === 13 && bytes.toString('latin1', 12, 16) === 'IHDR';
  const width = ihdr ? bytes.readUInt32BE(16) : 0;
  const height = ihdr ? bytes.readUInt32BE(20) : 0;
  if (!ihdr || width === 0 || height === 0 || !bytes.subarray(-12).equals(PNG_IEND)) {
    throw new UploadRejected('logo', { code: 'imageBroken' });
  }
  return bytes;
}

/** A JPEG starts with SOI (FFD8) and has its EOI (FFD9) at the end, give or take trailing padding. */
function checkJpeg(bytes: Buffer): Buffer {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || tail.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) {
    throw new UploadRejected('logo', { code: 'imageBroken' });
  }
  return bytes;
}
