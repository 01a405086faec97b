/**
 * Reading a ZIP (a DOCX) without trusting it. yauzl reads the central directory; each entry we are
 * asked for is inflated as a stream and counted: its declared size must fit the budget before we
 * start, and the bytes actually inflated may not pass it either (yauzl also refuses an entry whose
 * data is longer than it declares). So a ZIP bomb (1 MB that inflates to 1 GiB) costs at most the
 * budget, never the gigabyte. Entries not asked for are never inflated.
 */
import yauzl from 'yauzl';

/** The ZIP unpacks to more than the budget: refused, whatever the rest of it holds. */
export class ZipTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`ZIP unpacks to more than ${limitBytes} bytes`);
  }
}

export interface ZipOptions {
  /** Entries to inflate (and keep); the others are listed by name only. */
  wanted: (name: string) => boolean;
  /** Most bytes all wanted entries may unpack to, together, declared or actual. */
  maxUnpackedBytes: number;
}

/** Entry names, each with its inflated bytes when wanted (otherwise null). Rejects on a damaged ZIP or `ZipTooLarge`. */
export function readZip(bytes: Uint8Array, options: ZipOptions): Promise<Map<string, Buffer | null>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true },
      (openError, zip) => {
        if (openError || !zip) return reject(openError);
        const entries = new Map<string, Buffer | null>();
        let declared = 0;
        let unpacked = 0;
        const fail = (error: Error) => {
          if (zip.isOpen) zip.close();
          reject(error);
        };
        zip.on('error', fail);
        zip.on('end', () => resolve(entries));
        zip.on('entry', (entry: yauzl.Entry) => {
          if (!options.wanted(entry.fileName)) {
            entries.set(entry.fileName, null);
            return zip.readEntry();
          }
          declared += entry.uncompressedSize;
          if (declared > options.maxUnpackedBytes) return fail(new ZipTooLarge(options.maxUnpackedBytes));
          zip.openReadStream(entry, (streamError, stream) => {
            if (streamError || !stream) return fail(streamError ?? new Error('unreadable entry'));
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => {
              unpacked += chunk.length;
              if (unpacked > options.maxUnpackedBytes) {
                stream.destroy();
                return fail(new ZipTooLarge(options.maxUnpackedBytes));
              }
              chunks.push(chunk);
            });
            stream.on('error', fail);
            stream.on('end', () => {
              entries.set(entry.fileName, Buffer.concat(chunks));
              zip.readEntry();
            });
          });
        });
        zip.readEntry();
      },
    );
  });
}
