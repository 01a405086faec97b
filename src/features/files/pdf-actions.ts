/**
 * What a PDF would make a reader's program do, found by reading every object in the file rather than
 * the few places pdf.js exposes (it shows document-level scripts, but reads a Launch action as a
 * link and ignores SubmitForm and ImportData). A small lexer walks the file's objects, and the
 * objects packed into compressed object streams, skipping strings, comments and other streams'
 * data, and looks at every name: `/JavaScript` or `/JS` anywhere (annotations' /A and /AA, form
 * fields, the names tree, /OpenAction) is a script; Launch, SubmitForm, ImportData, GoToE,
 * RichMediaExecute, attached files and XFA forms are actions a statement never needs. Every revision
 * of the file is read, used or not. Object streams are inflated under a budget (a PDF can hide a
 * bomb too); one Puente cannot decode (another filter, or encrypted) makes the PDF uncheckable.
 */
import { constants, inflateSync } from 'node:zlib';

export type PdfDanger = 'scripts' | 'actions' | 'uncheckable' | 'tooLarge';

const SCRIPT_NAMES = new Set(['JavaScript', 'JS']);
const ACTION_NAMES = new Set([
  'Launch',
  'SubmitForm',
  'ImportData',
  'GoToE',
  'RichMediaExecute',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'FileAttachment',
  'XFA',
]);
/**
 * What all object streams of one PDF may inflate to, together. They hold only the small objects
 * (dictionaries, not page contents or images): a few hundred KB in a long report.
 */
export const MAX_PDF_OBJECT_STREAM_BYTES = 32 * 1024 * 1024;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number) => !WHITE.has(c) && !DELIMITERS.has(c);

class Scan {
  scripts = false;
  actions = false;
  uncheckable = false;
  budget = MAX_PDF_OBJECT_STREAM_BYTES;
  tooLarge = false;

  verdict(): PdfDanger | null {
    if (this.scripts) return 'scripts';
    if (this.actions) return 'actions';
    if (this.tooLarge) return 'tooLarge';
    if (this.uncheckable) return 'uncheckable';
    return null;
  }
}

export function findPdfDanger(bytes: Uint8Array): PdfDanger | null {
  const scan = new Scan();
  lex(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), scan, true);
  return scan.verdict();
}

/** One pass over PDF syntax. `topLevel`: streams may follow (not inside an object stream). */
function lex(b: Buffer, scan: Scan, topLevel: boolean): void {
  /** Names seen since the last `obj`: enough to tell an object stream and its filter. */
  let names: string[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x25) {
      // % comment, to the end of the line
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      i = skipLiteralString(b, i);
    } else if (c === 0x3c && b[i + 1] !== 0x3c) {
      // <hex string>
      const end = b.indexOf(0x3e, i + 1);
      i = end < 0 ? b.length : end + 1;
    } else if (c === 0x3c || c === 0x3e) {
      i += 2; // << or >>
    } else if (c === 0x2f) {
      let end = i + 1;
      while (end < b.length && isRegular(b[end]!)) end++;
      const name = decodeName(b.toString('latin1', i + 1, end));
      if (SCRIPT_NAMES.has(name)) scan.scripts = true;
      if (ACTION_NAMES.has(name)) scan.actions = true;
      names.push(name);
      i = end;
    } else if (isRegular(c)) {
      let end = i + 1;
      while (end < b.length && isRegular(b[end]!)) end++;
      const word = b.toString('latin1', i, end);
      i = end;
      if (word === 'obj') names = [];
      else if (word === 'stream' && topLevel) {
        i = readStream(b, i, names, scan);
        names = [];
      }
    } else {
      i++;
    }
  }
}

/** From the `(` at `start`: past the matching `)`, with nested parentheses and backslash escapes. */
function skipLiteralString(b: Buffer, start: number): number {
  let depth = 0;
  for (let i = start; i < b.length; i++) {
    const c = b[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return b.length;
}

/** `/J#61vaScript` is `/JavaScript`. */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** After the `stream` keyword: the data up to `endstream`; object streams are decoded and read. */
function readStream(b: Buffer, afterKeyword: number, names: string[], scan: Scan): number {
  let start = afterKeyword;
  if (b[start] === 0x0d) start++;
  if (b[start] === 0x0a) start++;
  const endKeyword = b.indexOf('endstream', start, 'latin1');
  const end = endKeyword < 0 ? b.length : endKeyword;
  if (names.includes('ObjStm')) readObjectStream(b.subarray(start, end), names, scan);
  return endKeyword < 0 ? b.length : endKeyword + 'endstream'.length;
}

/** Every standard filter, with the abbreviations inline images use (a lenient reader may accept them anywhere). */
const FILTERS = new Set([
  'FlateDecode',
  'Fl',
  'LZWDecode',
  'LZW',
  'ASCII85Decode',
  'A85',
  'ASCIIHexDecode',
  'AHx',
  'RunLengthDecode',
  'RL',
  'CCITTFaxDecode',
  'CCF',
  'DCTDecode',
  'DCT',
  'JBIG2Decode',
  'JPXDecode',
  'Crypt',
]);

function readObjectStream(data: Buffer, names: string[], scan: Scan): void {
  const filters = names.filter((n) => FILTERS.has(n));
  if (filters.length === 0) {
    lex(data, scan, false);
    return;
  }
  if (filters.length > 1 || names.includes('DecodeParms')) {
    scan.uncheckable = true;
    return;
  }
  if (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl') {
    scan.uncheckable = true;
    return;
  }
  let decoded: Buffer;
  try {
    decoded = inflateSync(data, { maxOutputLength: Math.max(1, scan.budget), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') scan.tooLarge = true;
    else scan.uncheckable = true; // encrypted with an empty password, or damaged: cannot be read
    return;
  }
  scan.budget -= decoded.length;
  lex(decoded, scan, false);
}
