/**
 * A DOCX is trusted when it is a readable ZIP holding `word/document.xml` and a `[Content_Types].xml`
 * that declares that part as a Word document's main part. That refuses other ZIPs, other Office files
 * and macro-enabled documents (.docm declares a different main type). yauzl reads the ZIP's central
 * directory and checks every entry's declared sizes against the data, so only `[Content_Types].xml`
 * is inflated, and a forged small size (a ZIP bomb) is an error, not a gigabyte in memory.
 */
import yauzl from 'yauzl';
import { UploadRejected } from './upload-error.js';

const MAIN_PART = '/word/document.xml';
const WORD_MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

export async function checkDocx(bytes: Uint8Array): Promise<void> {
  let entries: Map<string, string | null>;
  try {
    entries = await readEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new UploadRejected('document', { code: 'docxInvalid' });
  }
  const contentTypes = entries.get('[Content_Types].xml');
  if (!entries.has(MAIN_PART.slice(1)) || !contentTypes || !declaresWordMain(contentTypes)) {
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

/** Entry names, with the text of `[Content_Types].xml` (others: null, never inflated). */
function readEntries(buffer: Buffer): Promise<Map<string, string | null>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, strictFileNames: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError);
      const entries = new Map<string, string | null>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== '[Content_Types].xml') {
          entries.set(entry.fileName, null);
          return zip.readEntry();
        }
        if (entry.uncompressedSize > MAX_CONTENT_TYPES_BYTES) return reject(new Error('content types too large'));
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
