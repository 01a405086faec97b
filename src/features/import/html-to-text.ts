/**
 * HTML (a saved web page, or mammoth's rendering of a DOCX) to the Markdown-ish lines the extractor
 * reads: one block per line, list items as "- ", bold as **…**, links as [text](href). Not a sanitizer:
 * the result is only ever parsed, never shown as HTML.
 */
const BLOCK = /^(?:p|div|h[1-6]|li|tr|blockquote|section|article|header|footer|ul|ol|table|br|hr|title)$/;
const SKIP = /<(script|style|noscript|template|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  copy: '©',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  Aacute: 'Á',
  Eacute: 'É',
  Iacute: 'Í',
  Oacute: 'Ó',
  Uacute: 'Ú',
  Ntilde: 'Ñ',
  uuml: 'ü',
  iexcl: '¡',
  iquest: '¿',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(SKIP, '');
  let out = '';
  const tag = /<\/?([a-z][a-z0-9]*)\b([^>]*)>|([^<]+)|</gi;
  const links: string[] = [];
  for (const m of body.matchAll(tag)) {
    const [, name, attrs = '', text] = m;
    if (text !== undefined || name === undefined) {
      out += (text ?? '<').replace(/\s+/g, ' ');
      continue;
    }
    const lower = name.toLowerCase();
    const closing = m[0][1] === '/';
    if (BLOCK.test(lower)) out += '\n\n';
    if (lower === 'li' && !closing) out += '- ';
    if (lower === 'strong' || lower === 'b') out += '**';
    if (lower === 'a') {
      if (!closing) {
        links.push(/href\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? '');
        out += '[';
      } else if (links.length > 0) out += `](${links.pop()})`;
    }
  }
  return decodeEntities(out)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
