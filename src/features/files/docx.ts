/**
 * A DOCX is trusted when it is a readable ZIP holding `word/document.xml` and a `[Content_Types].xml`
 * that declares that part as a Word document's main part. That refuses other ZIPs, other Office files
 * and macro-enabled documents (.docm declares a different main type). Only `[Content_Types].xml` is
 * inflated to check an upload; the importer, which reads the whole document with mammoth, first
 * inflates every entry under a budget (zip.ts), so a ZIP bomb is refused before mammoth sees it.
 * Both run in the untrusted-file worker (untrusted.ts), never on the server's own thread.
 */

import { type UploadProblem, UploadRejected } from './upload-error.js';
import { readZip, ZipTooLarge } from './zip.js';

const MAIN_PART = '/word/document.xml';
const WORD_MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;
/**
 * What a DOCX given to the importer may unpack to, all parts together. The importer takes at most
 * 2 MB of DOCX; Word's XML compresses about tenfold, and a release's text is a few hundred KB.
 */
export const MAX_DOCX_UNPACKED_BYTES = 16 * 1024 * 1024;

export async function checkDocx(bytes: Uint8Array): Promise<void> {
  // A content-types part this large is no Word file's: damaged, not a size to report.
  await openWord(bytes, (name) => name === '[Content_Types].xml', MAX_CONTENT_TYPES_BYTES, { code: 'docxInvalid' });
}

/**
 * The document as HTML (mammoth), for the importer. Images are not converted (a release's text is
 * all the importer reads), so mammoth never decodes them.
 */
export async function docxHtml(bytes: Uint8Array): Promise<string> {
  await openWord(bytes, () => true, MAX_DOCX_UNPACKED_BYTES, {
    code: 'unpackedTooLarge',
    limitBytes: MAX_DOCX_UNPACKED_BYTES,
  });
  const mammoth = await import('mammoth');
  try {
    const noImage = mammoth.images.imgElement(async () => ({ src: '' }));
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: noImage });
    return value;
  } catch {
    throw new UploadRejected('document', { code: 'docxInvalid' });
  }
}

async function openWord(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxUnpackedBytes: number,
  tooLarge: UploadProblem,
): Promise<void> {
  let entries: Map<string, Buffer | null>;
  try {
    entries = await readZip(bytes, { wanted, maxUnpackedBytes });
  } catch (error) {
    throw new UploadRejected('document', error instanceof ZipTooLarge ? tooLarge : { code: 'docxInvalid' });
  }
  const contentTypes = entries.get('[Content_Types].xml');
  if (!entries.has(MAIN_PART.slice(1)) || !contentTypes || !declaresWordMain(contentTypes.toString('utf8'))) {
    throw new UploadRejected('document', { code: 'docxNotWord' });
  }
}

/** `<Override PartName="/word/document.xml" ContentType="…main+xml"/>`, attributes in either order. */
function declaresWordMain(xml: string): boolean {
  for (const match of xml.matchAll(/<Override\b[^>]*>/g)) {
    const tag = match[0];
    const part = /PartName\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    const type = /ContentType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    if (part?.toLowerCase() === MAIN_PART && type === WORD_MAIN_TYPE) return true;
  }
  return false;
}
