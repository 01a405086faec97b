/**
 * Text that cannot be text is refused at the door. A NUL byte, a byte sequence that is not UTF-8, or a
 * lone UTF-16 surrogate in what a request carries (the address and its query, a form field, a header
 * we read) would otherwise travel to the database, which refuses NUL in text with an error (a 500), or
 * be silently replaced there. Browsers never send such input, so it is refused with the 400 page,
 * before any hook or handler reads it, and nothing is changed.
 *
 * - The address and headers are checked in the first `onRequest` hook, before the session lookup.
 * - Form bodies (application/x-www-form-urlencoded) are read by the one parser below, which checks the
 *   raw bytes before decoding them (decoding would turn broken UTF-8 into U+FFFD and hide it).
 * - Upload forms check their fields and file names with `assertReadableText` (features/files/multipart.ts).
 * - No other body type is accepted: every form posts urlencoded or multipart, so JSON and plain text
 *   are answered 415 instead of reaching handlers by a second path.
 */
import { isUtf8 } from 'node:buffer';
import { parse as parseQueryString } from 'fast-querystring';
import type { FastifyRequest } from 'fastify';
import { Invalid } from '../errors.js';
import type { FastifyTypeBox } from './fastify-typebox.js';

/** The request headers some code of ours reads (the rest are passed by unread). */
const HEADERS_WE_READ = [
  'cookie',
  'accept-language',
  'content-type',
  'if-none-match',
  'x-forwarded-for',
  'x-forwarded-proto',
];

const PERCENT_ESCAPE = /%([0-9a-fA-F]{2})/g;
const ABOVE_LATIN1 = /[\u0100-\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Decoded text we can store and show: no NUL, no lone surrogate. */
export function isReadableText(text: string): boolean {
  return !text.includes('\0') && !LONE_SURROGATE.test(text);
}

/** Raw bytes that are UTF-8 text without NUL. */
export function isReadableBytes(bytes: Uint8Array): boolean {
  return !bytes.includes(0) && isUtf8(bytes);
}

/**
 * Percent-encoded text (an address, a query string, a form body): its %XX escapes and its own
 * characters, as bytes, must be UTF-8 without NUL. `+` and the separators are ASCII, so decoding the
 * whole string at once checks every name and value in it.
 */
export function isReadableEncoded(text: string): boolean {
  if (!isReadableText(text)) return false;
  if (!text.includes('%')) return true;
  const chunks: Buffer[] = [];
  let last = 0;
  for (const match of text.matchAll(PERCENT_ESCAPE)) {
    chunks.push(Buffer.from(text.slice(last, match.index), 'utf8'), Buffer.of(Number.parseInt(match[1] as string, 16)));
    last = match.index + match[0].length;
  }
  chunks.push(Buffer.from(text.slice(last), 'utf8'));
  return isReadableBytes(Buffer.concat(chunks));
}

export function unreadableInput(where: string): Invalid {
  return new Invalid(`Unreadable input: a NUL byte or text that is not UTF-8 in ${where}`, [], 'unreadableInputReason');
}

/** Throws the 400 refusal when `text` (a decoded field, a file name) cannot be stored as text. */
export function assertReadableText(text: string, where: string): void {
  if (!isReadableText(text)) throw unreadableInput(where);
}

/**
 * Off the wire a header value is a Latin-1 string of its raw bytes, checked as those bytes; a value
 * with characters above Latin-1 can only come from inside the process (app.inject), checked as text.
 */
function headerIsReadable(value: string | string[] | undefined): boolean {
  return [value ?? []]
    .flat()
    .every((v) => (ABOVE_LATIN1.test(v) ? isReadableText(v) : isReadableBytes(Buffer.from(v, 'latin1'))));
}

export function checkRequestIsReadable(request: FastifyRequest): void {
  if (!isReadableEncoded(request.url)) throw unreadableInput('the address');
  for (const name of HEADERS_WE_READ) {
    if (!headerIsReadable(request.headers[name])) throw unreadableInput(`the ${name} header`);
  }
}

/**
 * The largest urlencoded form accepted. It fits the largest text form at every field's limit in the
 * widest characters a browser sends: the statement's details, 2 × (300 + 3,000 + 300 + 50,000) =
 * 107,200 characters, each up to 3 UTF-8 bytes sent as 9 (%E2%80%99), about 965 KB. Browsers stop
 * typing at each field's maxlength (the same constants the services check), so a form is never
 * refused whole, losing what was typed, for one field too long.
 */
export const FORM_BODY_LIMIT = 1024 * 1024;

/**
 * Registers the address and header check (call it before any other hook) and the form body parser;
 * Fastify's JSON and plain-text parsers are removed. Multipart is @fastify/multipart's (app.tsx).
 */
export function registerReadableInput(app: FastifyTypeBox, options: { formBodyLimit: number }): void {
  app.addHook('onRequest', async (request) => checkRequestIsReadable(request));
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: options.formBodyLimit },
    (_request, body, done) => {
      const bytes = body as Buffer;
      const text = bytes.toString('utf8');
      if (!isReadableBytes(bytes) || !isReadableEncoded(text)) return done(unreadableInput('the form'), undefined);
      done(null, parseQueryString(text));
    },
  );
}
