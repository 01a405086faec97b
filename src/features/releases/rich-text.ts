/**
 * Release Markdown as a small tree the non-HTML writers (text, PDF, DOCX) can walk: paragraphs and
 * bullet lists of runs (plain, bold, italic, link). Parsed with the same markdown-it settings as the
 * web (raw HTML off, links only where linkTarget() allows), so every format reads the source the same way.
 */
import MarkdownIt from 'markdown-it';
import { linkTarget } from '../../platform/text/link-target.js';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

export type RichBlock = { type: 'paragraph'; runs: Run[] } | { type: 'list'; items: Run[][] };

// No linkify: "Presente.org" in a sentence is a name, not a link, in every format alike.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// A link only to the web, mail or this site (platform/text/link-target.ts), on the page and in every
// download alike; anything else ([x](javascript:…), [x](ftp:…), [x](page.html)) stays text.
md.validateLink = (url) => linkTarget(url) !== null;

export function parseRichText(source: string): RichBlock[] {
  const tokens = md.parse(source, {});
  const blocks: RichBlock[] = [];
  let list: Run[][] | null = null;
  for (const token of tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') list = [];
    else if ((token.type === 'bullet_list_close' || token.type === 'ordered_list_close') && list) {
      blocks.push({ type: 'list', items: list });
      list = null;
    } else if (token.type === 'inline') {
      const runs = inlineRuns(token.children ?? []);
      if (list) list.push(runs);
      else blocks.push({ type: 'paragraph', runs });
    }
  }
  return blocks;
}

type Token = ReturnType<MarkdownIt['parse']>[number];

function inlineRuns(children: Token[]): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let href: string | undefined;
  for (const c of children) {
    switch (c.type) {
      case 'strong_open':
      case 'strong_close':
        bold = c.type === 'strong_open';
        break;
      case 'em_open':
      case 'em_close':
        italic = c.type === 'em_open';
        break;
      case 'link_open':
        href = linkTarget(c.attrGet('href')) ?? undefined;
        break;
      case 'link_close':
        href = undefined;
        break;
      case 'softbreak':
      case 'hardbreak':
        push(runs, { text: ' ' });
        break;
      case 'text':
      case 'code_inline':
        push(runs, { text: c.content, ...(bold && { bold }), ...(italic && { italic }), ...(href && { href }) });
        break;
    }
  }
  return runs;
}

/** Adjacent runs with the same formatting merge, so writers see whole phrases. */
function push(runs: Run[], run: Run): void {
  const last = runs[runs.length - 1];
  if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += run.text;
  else runs.push(run);
}

/** Release Markdown to safe HTML (raw HTML off is the sanitizer, as in platform/text/markdown.ts). */
export function renderRichHtml(source: string): string {
  return md.render(source);
}

export function plainText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
