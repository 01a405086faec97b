/** Markdown writer: the render model laid out as CommonMark, for pasting into sites and newsletters. */
import { fullDocumentSuffix, type ModelContact, type RenderModel } from './render-model.js';

export function writeMarkdown(m: RenderModel): string {
  const out: string[] = [];
  out.push(`**${esc(m.releaseLine)}**`, esc(m.date.text));
  if (m.contacts.length > 0) {
    out.push(`**${esc(m.t.releasePressContacts)}**`, m.contacts.map((c) => `- ${contactLine(c)}`).join('\n'));
  }
  out.push(`# ${esc(m.headline)}`);
  if (m.subheadline) out.push(`## ${esc(m.subheadline)}`);
  out.push(`**${esc(m.dateline)}** — ${m.lead.markdown.trim()}`);
  for (const block of m.blocks) {
    if (block.kind === 'text') out.push(block.text.markdown.trim());
    else if (block.kind === 'quote') out.push(`> ${esc(block.text)}\n>\n> — ${esc(block.attribution)}`);
    else {
      if (block.intro) out.push(esc(block.intro));
      if (block.items.length > 0) out.push(block.items.map((item) => `- ${esc(item)}`).join('\n'));
    }
  }
  if (m.fullDocumentUrl)
    out.push(`[${esc(m.t.releaseFullDocument)}](<${m.fullDocumentUrl}>)${esc(fullDocumentSuffix(m))}`);
  // A bare "###" line would be an empty heading in Markdown.
  out.push(m.endMark === '###' ? '\\###' : m.endMark);
  for (const b of m.boilerplates) {
    const website = b.website ? ` [${esc(b.website.label)}](<${b.website.url}>)` : '';
    out.push(`**${esc(b.name)}:** ${esc(b.text)}${website}`);
  }
  return `${out.join('\n\n')}\n`;
}

function contactLine(c: ModelContact): string {
  const name = c.organization ? `${c.name} (${c.organization})` : c.name;
  return [name, c.phone, c.email]
    .filter(Boolean)
    .map((s) => esc(s as string))
    .join(' · ');
}

/** Registry text is plain: characters Markdown would read as markup are escaped. */
function esc(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^([#+-]|\d+[.)])(?=\s)/, '\\$1');
}
