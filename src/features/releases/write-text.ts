/**
 * Plain-text writer, ready to paste into an e-mail: wrapped at 72 columns, links as numbered
 * references listed at the end (a link whose text is its own address is printed as the address).
 */
import { fullDocumentSuffix, type RenderModel } from './render-model.js';
import type { Run } from './rich-text.js';

const WIDTH = 72;

export function writeText(m: RenderModel): string {
  const refs: string[] = [];
  const runsText = (runs: Run[]): string =>
    runs
      .map((r) => {
        if (!r.href) return r.text;
        if (sameAddress(r.text, r.href)) return r.href;
        refs.push(r.href);
        return `${r.text} [${refs.length}]`;
      })
      .join('');
  const link = (label: string, href: string) => runsText([{ text: label, href }]);

  const out: string[] = [];
  out.push(m.releaseLine, m.date.text);
  if (m.contacts.length > 0) {
    const lines = m.contacts.map((c) =>
      [c.organization ? `${c.name} (${c.organization})` : c.name, c.phone, c.email].filter(Boolean).join(', '),
    );
    out.push([m.t.releasePressContacts, ...lines.map((l) => wrap(l, '', '  '))].join('\n'));
  }
  out.push(`${wrap(m.headline)}\n${'='.repeat(Math.min(WIDTH, longestLine(wrap(m.headline))))}`);
  if (m.subheadline) out.push(wrap(m.subheadline));
  const [first, ...rest] = m.lead.blocks;
  const leadStart = first && first.type === 'paragraph' ? runsText(first.runs) : '';
  out.push(wrap(`${m.dateline} — ${leadStart}`));
  for (const b of first && first.type === 'paragraph' ? rest : m.lead.blocks) out.push(richBlock(b, runsText));
  for (const block of m.blocks) {
    if (block.kind === 'text') for (const b of block.text.blocks) out.push(richBlock(b, runsText));
    else if (block.kind === 'quote') out.push(`${wrap(block.text, '    ')}\n${wrap(`— ${block.attribution}`, '    ')}`);
    else {
      if (block.intro) out.push(wrap(block.intro));
      if (block.items.length > 0) out.push(block.items.map((item) => wrap(item, '  * ', '    ')).join('\n'));
    }
  }
  if (m.fullDocumentUrl) out.push(wrap(`${link(m.t.releaseFullDocument, m.fullDocumentUrl)}${fullDocumentSuffix(m)}`));
  out.push(m.endMark);
  for (const b of m.boilerplates) {
    const website = b.website ? ` ${link(b.website.label, b.website.url)}` : '';
    out.push(wrap(`${b.name}: ${b.text}${website}`));
  }
  if (refs.length > 0) out.push(refs.map((href, i) => `[${i + 1}] ${href}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}

function richBlock(b: import('./rich-text.js').RichBlock, runsText: (runs: Run[]) => string): string {
  if (b.type === 'paragraph') return wrap(runsText(b.runs));
  return b.items.map((item) => wrap(runsText(item), '  * ', '    ')).join('\n');
}

function sameAddress(label: string, href: string): boolean {
  const bare = (s: string) => s.replace(/^(https?:\/\/|mailto:)/, '').replace(/\/$/, '');
  return bare(label) === bare(href);
}

/** Greedy word wrap; a word longer than the line (a URL) gets a line of its own rather than being cut. */
export function wrap(text: string, firstIndent = '', indent = firstIndent): string {
  const lines: string[] = [];
  let line = firstIndent;
  let lineHasWord = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (lineHasWord && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else line += (lineHasWord ? ' ' : '') + word;
    lineHasWord = true;
  }
  lines.push(line);
  return lines.join('\n');
}

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((l) => l.length));
}
