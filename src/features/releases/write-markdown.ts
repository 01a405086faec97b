/**
 * Markdown writer: the render model laid out as CommonMark, for pasting into sites and newsletters.
 * Whoever renders the file may have raw HTML on, so nothing is copied through as written: registry text
 * and the lead and text blocks (from the same parse as the other formats, rich-text.ts) are written
 * back with every character Markdown or HTML would read as markup escaped, and links only to the
 * addresses the model allows (linkTarget(): web, mail, this site), in `<…>` with `&` escaped.
 */
import { fullDocumentSuffix, type ModelContact, type RenderModel } from './render-model.js';
import type { RichBlock, Run } from './rich-text.js';

export function writeMarkdown(m: RenderModel): string {
  const out: string[] = [];
  out.push(`**${esc(m.releaseLine)}**`, line(m.date.text));
  if (m.contacts.length > 0) {
    out.push(`**${esc(m.t.releasePressContacts)}**`, m.contacts.map((c) => `- ${contactLine(c)}`).join('\n'));
  }
  out.push(`# ${line(m.headline)}`);
  if (m.subheadline) out.push(`## ${line(m.subheadline)}`);
  const [first, ...rest] = m.lead.blocks;
  const leadStart = first?.type === 'paragraph' ? ` ${inline(first.runs)}` : '';
  out.push(`**${esc(m.dateline)}** —${leadStart}`);
  out.push(...(first?.type === 'paragraph' ? rest : m.lead.blocks).map(richBlock));
  for (const block of m.blocks) {
    if (block.kind === 'text') out.push(...block.text.blocks.map(richBlock));
    else if (block.kind === 'quote') out.push(`> ${line(block.text)}\n>\n> — ${esc(block.attribution)}`);
    else {
      if (block.intro) out.push(line(block.intro));
      if (block.items.length > 0) out.push(block.items.map((item) => `- ${line(item)}`).join('\n'));
    }
  }
  if (m.fullDocumentUrl)
    out.push(`${link(esc(m.t.releaseFullDocument), m.fullDocumentUrl)}${escInline(fullDocumentSuffix(m))}`);
  // A bare "###" line would be an empty heading in Markdown.
  out.push(m.endMark === '###' ? '\\###' : m.endMark);
  for (const b of m.boilerplates) {
    const website = b.website ? ` ${link(esc(b.website.label), b.website.url)}` : '';
    out.push(`**${esc(b.name)}:** ${esc(b.text)}${website}`);
  }
  return `${out.join('\n\n')}\n`;
}

function contactLine(c: ModelContact): string {
  const name = c.organization ? `${c.name} (${c.organization})` : c.name;
  return blockStart(
    [name, c.phone, c.email]
      .filter(Boolean)
      .map((s) => esc(s as string))
      .join(' · '),
  );
}

function richBlock(b: RichBlock): string {
  if (b.type === 'paragraph') return inline(b.runs);
  return b.items.map((item) => `- ${inline(item)}`).join('\n');
}

/** Runs as one line of Markdown: text escaped, emphasis as `**`/`*`, adjacent runs of one link in one link. */
function inline(runs: Run[]): string {
  let out = '';
  for (let i = 0; i < runs.length; ) {
    const href = runs[i]!.href;
    let label = '';
    for (; i < runs.length && runs[i]!.href === href; i++) label += styled(runs[i]!);
    out += href ? link(label, href) : label;
  }
  return blockStart(out.trim());
}

function styled(run: Run): string {
  const text = escInline(run.text);
  const mark = `${run.bold ? '**' : ''}${run.italic ? '*' : ''}`;
  // Emphasis only opens before and closes after a non-space: "** a **" would be four asterisks.
  const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return mark && core ? `${before}${mark}${core}${mark}${after}` : text;
}

/** `label` is Markdown already; `href` passed linkTarget() (no space, `<`, `>`, `\` or parenthesis). */
function link(label: string, href: string): string {
  return `[${label}](<${href.replace(/&/g, '\\&')}>)`;
}

/** Registry text is plain: one line, every character Markdown would read as markup escaped. */
function esc(text: string): string {
  return escInline(text.trim());
}

/** The same, for text that starts a line (after a block marker such as `# `, `- ` or `> `, or none). */
function line(text: string): string {
  return blockStart(esc(text));
}

/**
 * Backslash before what makes inline markup or raw HTML: emphasis, code, links and images, autolinks
 * and tags (`<`), entities (`&`), GFM strikethrough and tables. Line breaks become spaces, so that no
 * text can start a block of its own (a heading, a list, a code block, a quote).
 */
function escInline(text: string): string {
  return text.replace(/\s*[\r\n]\s*/g, ' ').replace(/([\\`*_[\]<>&~|])/g, '\\$1');
}

/** What only means something at the start of a line: headings, list items, setext underlines, breaks. */
function blockStart(line: string): string {
  return line.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}
