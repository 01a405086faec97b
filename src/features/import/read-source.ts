/**
 * Turns an uploaded or named file into plain text lines the extractor can read: Markdown and text as
 * they are, HTML and DOCX flattened to one block per line. Every way a file can be unusable is one
 * `UnreadableSource` with a code (so the web page can say it in the reader's language) and a one-line
 * English message (for the CLI); nothing downstream ever sees bytes it cannot trust.
 */
import { extname } from 'node:path';
import { Invalid } from '../../platform/errors.js';
import { docxHtmlIsolated, UploadRejected } from '../files/index.js';
import { htmlToText } from './html-to-text.js';

/** Big enough for any press release with its boilerplates many times over; small enough to parse in milliseconds. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export const SOURCE_FORMATS = ['md', 'txt', 'html', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export type SourceProblem =
  | 'empty'
  | 'too-large'
  | 'unpacked-too-large'
  | 'too-complex'
  | 'binary'
  | 'encoding'
  | 'not-docx'
  | 'unknown-format';

export class UnreadableSource extends Invalid {
  constructor(
    readonly problem: SourceProblem,
    message: string,
  ) {
    super(message, [{ field: 'file', problem }]);
  }
}

const EXTENSIONS: Record<string, SourceFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
};

export function formatOf(fileName: string): SourceFormat {
  const format = EXTENSIONS[extname(fileName).toLowerCase()];
  if (!format) {
    throw new UnreadableSource('unknown-format', `cannot import "${fileName}": use a .md, .txt, .html or .docx file`);
  }
  return format;
}

/** The file's text, decoded and checked. Throws `UnreadableSource` for anything that is not a readable release. */
export async function readSource(bytes: Uint8Array, fileName: string): Promise<string> {
  const format = formatOf(fileName);
  if (bytes.byteLength === 0) throw new UnreadableSource('empty', `"${fileName}" is empty: there is nothing to import`);
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new UnreadableSource(
      'too-large',
      `"${fileName}" is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; a release can be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB`,
    );
  }
  const text = format === 'docx' ? await docxText(bytes, fileName) : decodeText(bytes, fileName);
  if (text.trim() === '') throw new UnreadableSource('empty', `"${fileName}" has no text: there is nothing to import`);
  return format === 'html' ? htmlToText(text) : text;
}

function decodeText(bytes: Uint8Array, fileName: string): string {
  if (looksBinary(bytes)) {
    throw new UnreadableSource(
      'binary',
      `"${fileName}" is not a text file (it holds binary data): save it as text or DOCX`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableSource(
      'encoding',
      `"${fileName}" is not valid UTF-8: save it again as UTF-8 (in most editors: Save as… → Encoding: UTF-8)`,
    );
  }
}

/** NUL bytes, or many control characters, in the first 8 KB: an image, an archive, an executable. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length / 100;
}

/**
 * mammoth reads the DOCX in the untrusted-file worker (features/files), after every part was
 * unpacked under a budget: a ZIP bomb is refused at the budget, and time and memory are the worker's.
 */
async function docxText(bytes: Uint8Array, fileName: string): Promise<string> {
  const notDocx = () =>
    new UnreadableSource(
      'not-docx',
      `"${fileName}" is not a Word document (.docx): open it in Word and save it as .docx`,
    );
  // Every DOCX is a ZIP ("PK\x03\x04"); anything else (an old .doc, a renamed PDF) is refused before mammoth.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw notDocx();
  try {
    return htmlToText(await docxHtmlIsolated(bytes));
  } catch (error) {
    if (!(error instanceof UploadRejected)) throw error;
    const { problem } = error;
    if (problem.code === 'unpackedTooLarge') {
      throw new UnreadableSource(
        'unpacked-too-large',
        `"${fileName}" unpacks to more than ${problem.limitBytes / 1024 / 1024} MB, far more than any release: it is not imported`,
      );
    }
    if (problem.code === 'tooComplex') {
      throw new UnreadableSource(
        'too-complex',
        `"${fileName}" takes more time or memory to read than any release: save it again as .docx, or as text`,
      );
    }
    // A damaged ZIP, or a ZIP of something else.
    throw notDocx();
  }
}
