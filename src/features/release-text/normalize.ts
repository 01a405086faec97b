/**
 * What people paste, made regular: line endings, invisible spaces, Cloudflare's "[email protected]",
 * front matter, several header labels flattened onto one line. The result is a list of blocks (one per
 * non-blank line, hard-wrapped lines joined) that keep their 1-based line and column in the file, so the
 * linter can point at the source.
 */

export interface Block {
  /** The block's text, trimmed, Markdown emphasis kept. */
  text: string;
  line: number;
  column: number;
  /** `-`, `*`, `•` or `1.` when the block is a list item (its text has the marker removed). */
  listMarker: string | null;
  /** Blank lines between this block and the previous one. */
  blankBefore: number;
}

/** Cloudflare replaces e-mail addresses in saved pages with this; the address itself is lost. */
export const HIDDEN_EMAIL = '[email protected]';

export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\u00ad]/g, '')
    .replace(/\t/g, ' ')
    .replace(/\[\s*email\s+protected\s*\]/gi, HIDDEN_EMAIL);
}

/** YAML front matter (`---` … `---` at the top) is metadata, not release text: blank it, keeping line numbers. */
function blankFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== '---') return lines;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0 || end > 40) return lines;
  return lines.map((l, i) => (i <= end ? '' : l));
}

/** Labels that open a new header block; when a paste flattens the header onto one line, we split before them. */
const FLATTENED_LABEL =
  /(?<!\b(?:press|media|news|de|para))\s+(?=(?:(?:press|media)\s+)?contacts?\s*:|contactos?(?:\s+de\s+prensa)?\s*:|for\s+immediate\s+release\b|para\s+(?:su\s+)?difusi[oó]n\s+inmediata\b|embargoed\s+until\b|embargad[oa]\s+hasta\b)/gi;

// Bullets and numbers as releases write them, also glued to the text ("1.-Enviar …", "-Exigimos …").
const LIST_ITEM =
  /^(?:([-*+•●▪·◦○■►➢✓])\s+|(\d{1,2}(?:\.-|[.)]|-))\s+|(?:(-|•|·)|(\d{1,2}(?:\.-|[.)])))(?=\p{Lu}))(.*)$/u;

export function toBlocks(text: string): Block[] {
  const lines = blankFrontMatter(normalizeText(text).split('\n'));
  const blocks: Block[] = [];
  let blank = 0;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') {
      blank++;
      return;
    }
    const column = raw.length - raw.trimStart().length + 1;
    const previous = blocks.at(-1);
    if (previous && blank === 0 && isWrapContinuation(previous, trimmed)) {
      previous.text = `${previous.text} ${trimmed}`;
      return;
    }
    const parts = index < 60 && trimmed.length < 400 ? trimmed.split(FLATTENED_LABEL) : [trimmed];
    parts.forEach((part, i) => {
      const item = LIST_ITEM.exec(part);
      blocks.push({
        text: ((item ? item[5] : part) ?? '').trim(),
        line: index + 1,
        column: column + (i === 0 ? 0 : trimmed.indexOf(part)),
        listMarker: item ? (item[1] ?? item[2] ?? item[3] ?? item[4] ?? null) : null,
        blankBefore: i === 0 ? blank : 0,
      });
    });
    blank = 0;
  });
  return blocks.filter((b) => b.text !== '' || b.listMarker !== null);
}

/** A hard-wrapped paragraph: the previous line is long and unfinished and this one starts in lower case. */
function isWrapContinuation(previous: Block, next: string): boolean {
  return previous.text.length >= 50 && !/[.:!?"”»)*]$/.test(previous.text) && /^[a-záéíóúñü(“"]/.test(next);
}

/** Markdown emphasis and links reduced to their words: `**a**` → `a`, `[x](y)` → `x`. */
export function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|\*)(?=\S)([^*]*?\S)\1/g, '$2')
    .replace(/\*\*/g, '')
    .replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$|[.,;:])/g, '$1')
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many words a line has, as the header's thresholds count them (runs of non-space). */
export const wordCount = (text: string) => text.split(/\s+/).filter((w) => w !== '').length;
