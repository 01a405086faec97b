/**
 * SVG logos, sanitized with DOMPurify over a jsdom window (the pair DOMPurify documents and tests for
 * servers), then checked again by our own walk so a DOMPurify regression cannot let anything through.
 *
 * The SVG is parsed as XML (what browsers do with image/svg+xml), never as HTML: HTML parsing of SVG
 * swallows content after a stray raw-text element and loses namespaces. What may survive: SVG shapes,
 * text, gradients, filters, `<use>`/`<image>` pointing inside the file (`#id`) and images embedded as
 * PNG/JPEG `data:` URLs. What never survives: scripts, event handlers, `javascript:` and any other
 * external reference (href, CSS `url()`, `@import`), `<foreignObject>`, animation elements (which can
 * rewrite attributes), `<feImage>`. A DTD is refused outright: entities are how XML bombs are built.
 * jsdom is loaded on the first SVG upload, not at start (it takes ~0.6 s to load).
 */
import type { DOMPurify, Config as PurifyConfig, UponSanitizeAttributeHookEvent } from 'dompurify';
import { UploadRejected } from './upload-error.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** A reference that stays inside the file, or an embedded PNG/JPEG. */
const LOCAL_REF = /^#[\w.:-]*$/;
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg);base64,[a-z0-9+/=\s]*$/i;
/** `url(#id)` (gradients, clip paths) is fine; any other url() fetches something. */
const FOREIGN_URL = /url\s*\(\s*(?!['"]?#)/i;
/** Escapes and comments can spell `url(` or `@import` in ways a pattern cannot see: refuse them. */
const UNSAFE_CSS = /@import|\\|\/\*|expression\s*\(|javascript:|behavior\s*:|-moz-binding/i;

const PURIFY: PurifyConfig = {
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_TAGS: ['use'],
  FORBID_TAGS: ['foreignObject', 'animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'feImage', 'a'],
  FORBID_ATTR: ['xml:base'],
  RETURN_DOM: true,
  KEEP_CONTENT: true,
};

interface Sanitizer {
  purify: DOMPurify;
  window: import('jsdom').DOMWindow;
}
let sanitizer: Promise<Sanitizer> | null = null;

function loadSanitizer(): Promise<Sanitizer> {
  sanitizer ??= (async () => {
    const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
    const { window } = new JSDOM('');
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    purify.addHook('uponSanitizeElement', (node) => {
      if ((node as Element).localName === 'style' && UNSAFE_CSS.test(node.textContent ?? '')) node.textContent = '';
      if ((node as Element).localName === 'style' && FOREIGN_URL.test(node.textContent ?? '')) node.textContent = '';
    });
    purify.addHook('uponSanitizeAttribute', (node, data: UponSanitizeAttributeHookEvent) => {
      if (!isSafeAttribute((node as Element).localName, data.attrName, data.attrValue)) data.keepAttr = false;
    });
    return { purify, window };
  })();
  return sanitizer;
}

function isSafeAttribute(element: string, name: string, value: string): boolean {
  const attr = name.toLowerCase();
  if (attr.startsWith('on')) return false;
  if (attr === 'href' || attr === 'xlink:href') {
    const ref = value.trim();
    return LOCAL_REF.test(ref) || (element === 'image' && EMBEDDED_IMAGE.test(ref));
  }
  if (attr === 'style' && UNSAFE_CSS.test(value)) return false;
  return !FOREIGN_URL.test(value);
}

/** The sanitized SVG as UTF-8 bytes, or UploadRejected when the bytes are not an SVG document. */
export async function sanitizeSvg(bytes: Uint8Array): Promise<Buffer> {
  const text = decodeUtf8(bytes);
  if (text === null) throw new UploadRejected('logo', { code: 'svgInvalid' });
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new UploadRejected('logo', { code: 'svgDoctype' });
  const { purify, window } = await loadSanitizer();
  const parsed = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  const broken = parsed.getElementsByTagName('parsererror').length > 0;
  if (broken || root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    throw new UploadRejected('logo', { code: 'svgInvalid' });
  }
  textForCdata(parsed);
  const clean = purify.sanitize(root, PURIFY) as unknown as Element;
  const svg = clean.localName === 'svg' ? clean : clean.querySelector('svg');
  if (!svg) throw new UploadRejected('logo', { code: 'svgInvalid' });
  assertClean(svg);
  return Buffer.from(new window.XMLSerializer().serializeToString(svg), 'utf8');
}

/** The second line of defence: fail loudly (500, nothing stored) if anything dangerous is left. */
export function assertClean(root: Element): void {
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (element.namespaceURI !== SVG_NS) throw new Error(`SVG sanitizer left a foreign element: ${element.tagName}`);
    if (PURIFY.FORBID_TAGS?.includes(element.localName) || element.localName === 'script') {
      throw new Error(`SVG sanitizer left <${element.localName}>`);
    }
    for (const attr of Array.from(element.attributes)) {
      if (!isSafeAttribute(element.localName, attr.name, attr.value)) {
        throw new Error(`SVG sanitizer left ${attr.name} on <${element.localName}>`);
      }
    }
    if (
      element.localName === 'style' &&
      (UNSAFE_CSS.test(element.textContent ?? '') || FOREIGN_URL.test(element.textContent ?? ''))
    ) {
      throw new Error('SVG sanitizer left an external reference in <style>');
    }
  }
}

/**
 * `<style><![CDATA[…]]></style>` (as Illustrator writes it) means the same as the text without the
 * CDATA markers, and DOMPurify works in an HTML document, which cannot hold a CDATA section: turn
 * each into the text node it stands for, so it is sanitized (and escaped when serialized) like any text.
 */
function textForCdata(document: Document): void {
  const walker = document.createTreeWalker(document, 0x8 /* NodeFilter.SHOW_CDATA_SECTION */);
  const sections: Node[] = [];
  while (walker.nextNode()) sections.push(walker.currentNode);
  for (const section of sections)
    section.parentNode?.replaceChild(document.createTextNode(section.nodeValue ?? ''), section);
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Cheap look at the start of the bytes: is this worth handing to the XML parser as an SVG? */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  return /<svg[\s>]/i.test(Buffer.from(bytes.subarray(0, 4096)).toString('utf8'));
}
