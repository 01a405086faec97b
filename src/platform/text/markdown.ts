/**
 * User-written rich text. markdown-it with raw HTML off is our sanitizer: it escapes every tag a
 * user types and refuses javascript:/vbscript:/data: link targets (its validateLink).
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Link only full addresses (https://…), not every name that looks like a domain: "Presente.org" in
// a list of signatories is an organization's name, not a link.
md.linkify.set({ fuzzyLink: false });

/** Markdown to safe HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
