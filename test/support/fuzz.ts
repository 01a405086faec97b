/**
 * The fuzz suite's parts (src/app/fuzz.test.ts): where the forms are (crawled from the running app, not
 * listed by hand), and fast-check arbitraries for hostile values and whole hostile requests.
 */
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';

/** One field of a form as the page renders it. */
export interface FormField {
  name: string;
  value: string;
  /** A file input: the name the upload goes under. */
  file: boolean;
}

/** A form found on a page: where it posts, how, and its fields with the values the page filled in. */
export interface FoundForm {
  method: 'GET' | 'POST';
  action: string;
  multipart: boolean;
  fields: FormField[];
}

/** A route (method, pattern) turned into a regular expression that matches its concrete URLs. */
export function routeMatcher(pattern: string, { prefix = false } = {}): RegExp {
  const source = pattern
    .split(/(:\w+)/)
    .map((part) => (part.startsWith(':') ? '[^/?]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(prefix ? `^${source}(?=/)` : `^${source}/?$`);
}

export function formsOf(html: string, pageUrl: string): FoundForm[] {
  const $ = cheerio.load(html);
  return $('form')
    .toArray()
    .map((form) => {
      const $form = $(form);
      const method = ($form.attr('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
      const action = ($form.attr('action') ?? pageUrl).split('#')[0] ?? pageUrl;
      const fields: FormField[] = [];
      $form.find('input[name], textarea[name], select[name], button[name]').each((_, el) => {
        const $el = $(el);
        const name = $el.attr('name') ?? '';
        const type = ($el.attr('type') ?? '').toLowerCase();
        if (type === 'checkbox' || type === 'radio') {
          if ($el.is('[checked]')) fields.push({ name, value: $el.attr('value') ?? 'on', file: false });
          return;
        }
        if (el.tagName === 'select') {
          const chosen = $el.find('option[selected]').first();
          const option = chosen.length > 0 ? chosen : $el.find('option').first();
          fields.push({ name, value: option.attr('value') ?? option.text(), file: false });
          return;
        }
        if (el.tagName === 'textarea') {
          fields.push({ name, value: $el.text(), file: false });
          return;
        }
        if (el.tagName === 'button') return;
        fields.push({ name, value: $el.attr('value') ?? '', file: type === 'file' });
      });
      return { method, action, multipart: ($form.attr('enctype') ?? '').includes('multipart'), fields };
    });
}

/** Same-site links of a page, without fragments. */
export function linksOf(html: string): string[] {
  const $ = cheerio.load(html);
  return $('a[href]')
    .toArray()
    .map((a) => ($(a).attr('href') ?? '').split('#')[0] ?? '')
    .filter((href) => href.startsWith('/') && !href.startsWith('//'));
}

/**
 * Walks the site as one visitor from `starts`, following links, at most `perPattern` pages for each
 * route pattern (so a list of a thousand statements costs two pages), and returns every form seen.
 */
export async function crawlForms(
  get: (url: string) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
  patterns: RegExp[],
  starts: string[],
  { perPattern = 2, skip = (_url: string): boolean => false } = {},
): Promise<FoundForm[]> {
  const seen = new Set<string>();
  const visits = new Map<RegExp, number>();
  const queue = [...starts];
  const forms: FoundForm[] = [];
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url) || skip(url)) continue;
    seen.add(url);
    const path = url.split('?')[0] ?? url;
    const pattern = patterns.find((p) => p.test(path));
    if (!pattern || /sign-out|\.(pdf|docx|md|txt|csv|css|js)$/.test(path)) continue;
    const count = visits.get(pattern) ?? 0;
    if (count >= perPattern) continue;
    visits.set(pattern, count + 1);
    const response = await get(url);
    if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
    forms.push(...formsOf(response.body, url));
    for (const link of linksOf(response.body)) if (!seen.has(link)) queue.push(link);
  }
  return forms;
}

// ---------------------------------------------------------------------------------------------------
// Values

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Odd, hostile and malformed values, mixed with plain ones so forms also get past their first check. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\u202eevil\u202c',
      '\u200f\u200b\u2066\u2069\ufeff',
      '\ufffd',
      'e\u0301\u0301\u0301',
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      "' OR 1=1 --",
      "'); drop table users; --",
      '%00',
      '%ff%fe',
      '../../etc/passwd',
      'javascript:alert(1)',
      'https://example.org/"><script>x</script>',
      '-1',
      '0',
      '1e309',
      'NaN',
      'Infinity',
      '2147483648',
      '9007199254740993',
      '0x10',
      '1.5',
      '-0',
      '١٢٣',
      ' ',
      '',
      '\r\n',
      'null',
      '[]',
      '{}',
      '2026-02-30',
      '9999-12-31T23:59',
      '0000-00-00',
      '2026-13-01T25:61',
      'en',
      'es',
      'fr',
      'true',
      '1',
      'on',
      '🏳️‍🌈'.repeat(3),
    ),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(loneSurrogate, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((p) => p.join('')),
  },
  // Huge values: past every field's bound (multi-byte ones near the 1 MiB body limit). Rare, as they cost the most to send.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(300, 5_000, 20_001, 70_000), fc.constantFrom('a', 'é', '\u0000', '😀', '<', ' '))
      .map(([n, c]) => c.repeat(n)),
  },
);

/** A string as a browser puts it on the wire: UTF-8 (a lone surrogate becomes U+FFFD), %-escaped. */
export function encodeWire(text: string): string {
  return encodeURIComponent((text as string & { toWellFormed(): string }).toWellFormed());
}

/** Bytes no encoder would produce: escapes of broken UTF-8, or raw. */
export const brokenEscape = fc.constantFrom(
  '%ff',
  '%c3%28',
  '%ed%a0%80',
  '%e2%82',
  '%f8%88%80%80%80',
  '%zz',
  '%',
  '%0',
);

export interface FuzzRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: Buffer;
}

export type FieldValues = [string, string][];

/** What happens to a form's fields before it is sent. */
export const fieldMutation = (fields: FormField[]): fc.Arbitrary<FieldValues> => {
  const names = fields.filter((f) => !f.file).map((f) => f.name);
  const base: FieldValues = fields.filter((f) => !f.file).map((f) => [f.name, f.value]);
  const anyName = names.length > 0 ? fc.oneof(fc.constantFrom(...names), hostileText) : hostileText;
  return fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.tuple(fc.constant('set' as const), anyName, hostileText) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('drop' as const), anyName, fc.constant('')) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('repeat' as const), anyName, hostileText) },
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((ops) => {
      let values = [...base];
      for (const [op, name, value] of ops) {
        // The CSRF field stays right most of the time, so the fuzz reaches the handlers.
        if (name === '_csrf' && op !== 'repeat') continue;
        if (op === 'drop') values = values.filter(([n]) => n !== name);
        else if (op === 'repeat') values.push([name, value]);
        else values = [...values.filter(([n]) => n !== name), [name, value]];
      }
      return values;
    });
};

export function urlencoded(values: FieldValues): string {
  return values.map(([n, v]) => `${encodeWire(n)}=${encodeWire(v)}`).join('&');
}

const BOUNDARY = 'fuzzBoundary7MA4YWxkTrZu0gW';

export interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A multipart body as a browser sends it, names and file name as raw UTF-8 (lone surrogates as U+FFFD). */
export function multipart(values: FieldValues, files: FilePart[]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of values) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** Starts of real files, so some random files get past sniffing into the parsers. */
const FILE_HEADS = [
  '%PDF-1.4\n',
  '\x89PNG\r\n\x1a\n',
  '\xff\xd8\xff\xe0',
  'PK\x03\x04',
  '<svg xmlns="http://www.w3.org/2000/svg">',
  '# Title\n',
  '<html><body>',
];

export const randomFile = (field: string): fc.Arbitrary<FilePart> =>
  fc.record({
    field: fc.oneof({ weight: 4, arbitrary: fc.constant(field) }, { weight: 1, arbitrary: hostileText }),
    filename: fc.oneof(fc.constantFrom('a.pdf', 'logo.png', 'release.docx', 'r.md', 'x.txt', 'x.svg', ''), hostileText),
    contentType: fc.constantFrom(
      'application/pdf',
      'image/png',
      'image/svg+xml',
      'text/plain',
      'application/octet-stream',
    ),
    bytes: fc
      .tuple(fc.constantFrom('', ...FILE_HEADS), fc.uint8Array({ maxLength: 2048 }))
      .map(([head, tail]) => new Uint8Array([...Buffer.from(head, 'latin1'), ...tail])),
  });

/** How the body is framed on the wire: mostly right, sometimes wrong in one of the ways clients get it wrong. */
export const framing = fc.oneof(
  { weight: 10, arbitrary: fc.constant('proper' as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'raw-bytes' as const,
      'broken-escape' as const,
      'json' as const,
      'text' as const,
      'no-type' as const,
      'xml' as const,
      'other-form-type' as const,
      'truncated' as const,
      'no-boundary' as const,
    ),
  },
);
export type Framing = typeof framing extends fc.Arbitrary<infer F> ? F : never;

/** Puts hostile bytes into an already-encoded body or query. */
export function breakEncoding(encoded: string, raw: Uint8Array, badEscape: string, at: number): Buffer {
  const cut = Math.min(encoded.length, at);
  return Buffer.concat([
    Buffer.from(encoded.slice(0, cut)),
    Buffer.from(badEscape),
    Buffer.from(raw),
    Buffer.from(encoded.slice(cut)),
  ]);
}

export async function send(app: FastifyTypeBox, request: FuzzRequest, remoteAddress: string) {
  return app.inject({
    method: request.method,
    url: request.url,
    headers: request.headers,
    remoteAddress,
    ...(request.payload ? { payload: request.payload } : {}),
  });
}
