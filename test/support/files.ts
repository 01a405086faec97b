/**
 * Tiny real files made in the test, so every fixture is visible in code: a 2×2 PNG (zlib + CRC by
 * hand), a JPEG (jpeg-js), a one-page PDF written object by object, a DOCX from the `docx` package
 * (the same writer the releases use), and ZIPs of anything else (jszip).
 */
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import jpeg from 'jpeg-js';
import JSZip from 'jszip';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 2×2 RGB PNG; `seed` changes one pixel, to get different files. */
export function tinyPng(seed = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.from([0, seed & 255, 0, 0, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function tinyJpeg(): Buffer {
  const data = Buffer.alloc(4 * 4 * 4, 200);
  return Buffer.from(jpeg.encode({ data, width: 4, height: 4 }, 80).data);
}

export const cleanSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Logo</title><circle cx="5" cy="5" r="4" fill="#1a4f8b"/></svg>`;

/**
 * One page; `text` is written uncompressed, so a test can find it in the bytes. `extraCatalog` goes
 * into the catalog, `page` into the page's dictionary, and `objects` are added as objects 5, 6, …
 */
export function tinyPdf(
  text = 'Full document',
  extraCatalog = '',
  { page = '', objects = [] }: { page?: string; objects?: string[] } = {},
): Buffer {
  const stream = `BT /F1 12 Tf 10 100 Td (${text}) Tj ET`;
  return pdfOf([
    `<< /Type /Catalog /Pages 2 0 R ${extraCatalog}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R ${page}>>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    ...objects,
  ]);
}

function pdfOf(objects: string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A PDF 1.5 whose page has one annotation, `annotation` (object 5), kept where a plain look at the
 * file cannot see it: compressed inside an object stream (object 6), found through an xref stream (7).
 */
export function pdfWithHiddenAnnotation(annotation: string): Buffer {
  const stream = 'BT /F1 12 Tf 10 100 Td (Full document) Tj ET';
  const header = '5 0 ';
  const packed = deflateSync(Buffer.from(header + annotation, 'latin1'));
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Annots [5 0 R] >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = Buffer.from('%PDF-1.5\n', 'latin1');
  const offsets = new Map<number, number>();
  const add = (n: number, body: Buffer) => {
    offsets.set(n, out.length);
    out = Buffer.concat([out, Buffer.from(`${n} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
  };
  for (const [i, body] of bodies.entries()) add(i + 1, Buffer.from(body, 'latin1'));
  add(
    6,
    Buffer.concat([
      Buffer.from(
        `<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
        'latin1',
      ),
      packed,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  );
  const xrefAt = out.length;
  offsets.set(7, xrefAt);
  // /W [1 4 2]: type, offset (or object stream number), generation (or index in the stream).
  const rows = Buffer.alloc(8 * 7);
  for (let n = 0; n < 8; n++) {
    const row = rows.subarray(n * 7);
    if (n === 0) row.writeUInt16BE(65535, 5);
    else if (n === 5) {
      row[0] = 2;
      row.writeUInt32BE(6, 1);
    } else {
      row[0] = 1;
      row.writeUInt32BE(offsets.get(n)!, 1);
    }
  }
  add(
    7,
    Buffer.concat([
      Buffer.from(`<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`, 'latin1'),
      rows,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  );
  return Buffer.concat([out, Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, 'latin1')]);
}

export async function tinyDocx(text = 'Full document'): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Packer.toBuffer(doc);
}

export async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A multipart/form-data body as a browser sends it: fields in order, then the file(s). */
export function multipartBody(
  fields: Record<string, string>,
  file?: FilePart | FilePart[],
): { payload: Buffer; contentType: string } {
  const boundary = '----puente-test-boundary-7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of file === undefined ? [] : Array.isArray(file) ? file : [file]) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.contentType}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A ZIP bomb that is otherwise a real DOCX: its `word/document.xml` unpacks to `unpackedBytes` of
 * text (1 GiB from about 1 MB: deflate shrinks repeated text about a thousandfold), and its headers
 * declare that size, or `declaredBytes` when the ZIP should lie about it. Written entry by entry, so
 * the gigabyte is never in memory here either: the same 1 MiB compressed once, repeated.
 */
export async function docxBomb(
  unpackedBytes: number,
  { declaredBytes }: { declaredBytes?: number } = {},
): Promise<Buffer> {
  const real = await JSZip.loadAsync(await tinyDocx());
  const entries: ZipEntry[] = [];
  for (const [name, file] of Object.entries(real.files)) {
    if (file.dir || name === 'word/document.xml') continue;
    const data = await file.async('nodebuffer');
    entries.push({ name, packed: deflateRawSync(data), crc: crc32(data), size: data.length });
  }
  const prefix = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>',
  );
  const suffix = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const repeats = Math.max(1, Math.floor((unpackedBytes - prefix.length - suffix.length) / chunk.length));
  // Each piece compressed on its own and ended by a full flush, so the pieces join into one valid deflate stream.
  const flushed = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH });
  const packedChunk = flushed(chunk);
  let crc = crc32(prefix);
  for (let i = 0; i < repeats; i++) crc = crc32(chunk, crc);
  crc = crc32(suffix, crc);
  const size = prefix.length + repeats * chunk.length + suffix.length;
  entries.push({
    name: 'word/document.xml',
    packed: Buffer.concat([
      flushed(prefix),
      ...Array.from({ length: repeats }, () => packedChunk),
      deflateRawSync(suffix),
    ]),
    crc,
    size,
    declared: declaredBytes,
  });
  return zipFromEntries(entries);
}

interface ZipEntry {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size the headers claim, when not `size`. */
  declared?: number;
}

/** A ZIP written by hand (deflated entries, no ZIP64): what a hostile tool can write. */
function zipFromEntries(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declared ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.packed);
    centrals.push(central, name);
    offset += local.length + name.length + entry.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
