/**
 * "About" paragraphs: after the end mark (###, -30-), or anywhere as "About X: …" / "Acerca de X", or a
 * closing "X is a coalition of …" paragraph. Each gives the organization as the paragraph names it, the
 * website it gives (as written, so the linter can check its spelling) and the text.
 */
import type { ImportedBoilerplate } from './contract.js';
import { isNamePhrase, isOrgLike, stripAcronym } from './names.js';
import { type Block, plain } from './normalize.js';

const ABOUT = /^(?:about|acerca\s+de|sobre|qui[eé]nes\s+somos)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?/i;
export const WEBSITE =
  /(?<![@\p{L}\d.])(?:https?:\/\/)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:org|com|net|edu|gov|info|int|ngo|[a-z]{2})(?:\.[a-z]{2})?(?:\/[^\s)*]*)?/giu;
const DESCRIBES = /^(.{2,110}?)\s+(?:is|are|was|es|son|fue|works|trabaja|seeks|busca|promotes|promueve)\s+(.+)$/u;

export interface FoundBoilerplate {
  boilerplate: ImportedBoilerplate;
  index: number;
  /** As written before cleaning ("About the Root Causes of Migration Initiative"), for the linter. */
  heading: string;
}

export function websiteIn(text: string): string | null {
  const all = [...text.matchAll(WEBSITE)].map((m) => m[0].replace(/[.,;:]+$/, ''));
  return all.at(-1) ?? null;
}

function orgName(raw: string): string {
  return raw
    .replace(ABOUT, '')
    .replace(/[\s:.–—-]+$/, '')
    .trim();
}

function acceptableName(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    words.length <= 14 &&
    (isNamePhrase(name) || /^[\p{L}\d-]+\.(?:org|com|net)$/iu.test(name)) &&
    (isOrgLike(name) || words.length >= 2)
  );
}

/** One paragraph as a boilerplate, or null. `afterEnd`: we are past the end mark, where "X: …" is enough. */
export function parseBoilerplate(blocks: Block[], index: number, afterEnd: boolean): FoundBoilerplate | null {
  const block = blocks[index] as Block;
  if (block.listMarker) return null;
  const text = plain(block.text);
  const about = ABOUT.test(text);
  const colon = /^(.{2,120}?)\s*:\s+(.+)$/su.exec(text);
  if (colon && (about || afterEnd)) {
    const name = orgName(colon[1] as string);
    if (acceptableName(name)) return found(name, colon[2] as string, index, colon[1] as string);
  }
  if (about && text.split(/\s+/).length <= 12) {
    const next = blocks[index + 1];
    const name = orgName(text);
    if (next && !next.listMarker && acceptableName(name)) return found(name, plain(next.text), index, text);
  }
  const describes = DESCRIBES.exec(text);
  if (describes) {
    const name = orgName(describes[1] as string);
    if (acceptableName(name) && (afterEnd || isOrgLike(name))) return found(name, text, index, describes[1] as string);
  }
  return null;
}

function found(organization: string, text: string, index: number, heading: string): FoundBoilerplate {
  const body = text.trim();
  const website = websiteIn(body.replace(organization, ''));
  return {
    boilerplate: { organization: stripAcronym(organization.replace(/^(?:the|el|la)\s+/i, '')), website, text: body },
    index,
    heading,
  };
}
